import Foundation
import BuzonGateway
import BuzonConfig

/// `buzon templates list`, `buzon templates render NAME [--ticket OP10044] [--language es]`:
/// operators preview what customers will read, with a real ticket's values when it exists.
enum TemplatesCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else { throw Arguments.UsageError(description: "say list or render NAME") }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config", "ticket", "language"])
            let context = try CommandContext.open(args)
            let templates = context.runtime.templates
            switch sub {
            case "list":
                for name in TemplateName.allCases {
                    print("\(name.rawValue)\t\(templates.languages.map { "\(templates.directory)/\($0)/\(name.fileName)" }.joined(separator: " "))")
                }
            case "render":
                guard let text = args.positionals.first else { throw Arguments.UsageError(description: "name the template: buzon templates render acknowledgement") }
                guard let name = TemplateName(rawValue: text) else {
                    throw Arguments.UsageError(description: "unknown template \(text) (known: \(TemplateName.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                let language = args.value("language") ?? context.runtime.config.language
                let rendered: RenderedTemplate
                if let number = args.value("ticket"), let summary = try context.store.summary(number: number.uppercased()) {
                    let values = try context.desk.templateValues(summary)
                    rendered = templates.render(name, language: summary.language ?? language, values: values)
                } else {
                    rendered = templates.preview(name, language: language, ticketNumber: args.value("ticket")?.uppercased())
                }
                print("Subject: \(rendered.subject)\n\n\(rendered.body)")
            default:
                throw Arguments.UsageError(description: "unknown 'templates \(sub)': say list or render")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "templates")
        }
    }
}
