import Foundation
import BuzonGateway
import BuzonConfig

/// `buzon templates list`, `buzon templates render NAME [--ticket OP10044] [--language es]`:
/// operators preview what customers will read, with a real ticket's values when it exists.
enum TemplatesCommand {
    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["templates", "list"], section: .gateway, summary: "every template and the files it is read from",
            options: [.config],
            examples: ["templates list"])

        static func run(_ args: Arguments) throws -> Int32 {
            let templates = try CommandContext.open(args).runtime.templates
            for name in TemplateName.allCases {
                print("\(name.rawValue)\t\(templates.languages.map { "\(templates.directory)/\($0)/\(name.fileName)" }.joined(separator: " "))")
            }
            return ExitCode.ok
        }
    }

    enum Render: BuzonCommand {
        static let spec = CommandSpec(
            words: ["templates", "render"], section: .gateway, summary: "what a customer would read",
            operands: [OperandSpec(placeholder: "NAME", kind: .choice(TemplateName.allCases.map(\.rawValue)), help: "the template")],
            options: [.value("ticket", "TICKET", "with this ticket's values when it exists (else sample values)"),
                      .value("language", "LANG", "in this language (default: the ticket's, else [gateway] language)"), .config],
            details: "Renders a template as a customer would read it: subject and body, with a real ticket's values "
                + "when --ticket names one, else with sample values.",
            examples: ["templates render acknowledgement --ticket OP10044"])

        static func run(_ args: Arguments) throws -> Int32 {
            guard let name = TemplateName(rawValue: args.operands[0]) else {
                throw Arguments.UsageError(description: "unknown template \(args.operands[0])")
            }
            let context = try CommandContext.open(args)
            let templates = context.runtime.templates
            let language = args.value("language") ?? context.runtime.config.language
            let rendered: RenderedTemplate
            if let number = args.value("ticket"), let summary = try context.store.summary(number: number.uppercased()) {
                let values = try context.desk.templateValues(summary)
                rendered = templates.render(name, language: summary.language ?? language, values: values)
            } else {
                rendered = templates.preview(name, language: language, ticketNumber: args.value("ticket")?.uppercased())
            }
            print("Subject: \(rendered.subject)\n\n\(rendered.body)")
            return ExitCode.ok
        }
    }
}
