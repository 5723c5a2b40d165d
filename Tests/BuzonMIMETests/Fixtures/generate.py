# Golden fixtures for BuzonMIMETests: realistic Spanish support mail.
# Expected values are written by hand here; only sizes/hashes of the attachment payloads
# (which this script also encodes) are computed. Run: python3 generate.py (from this directory).
import base64, hashlib, json, os, quopri

HERE = os.path.dirname(os.path.abspath(__file__))
fixtures = []

def payload(seed, size):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    x = seed
    while len(out) < size:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out.append((x >> 16) & 0xff)
    return bytes(out[:size])

def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))

def att(filename, content_type, data, inline=False, **extra):
    d = {"filename": filename, "content_type": content_type, "size": len(data),
         "sha256": hashlib.sha256(data).hexdigest(), "inline": inline}
    d.update(extra)
    return d

def add(eml, expected, raw=False):
    """eml: str (LF line ends) or bytes; expected: dict of fields to check."""
    fixtures.append((eml if isinstance(eml, bytes) else eml.encode("utf-8"), expected))

def write():
    for n, (eml, expected) in enumerate(fixtures, start=1):
        base = os.path.join(HERE, "%03d" % n)
        with open(base + ".eml", "wb") as f:
            f.write(eml)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2, sort_keys=True)
            f.write("\n")
    print("wrote", len(fixtures), "fixtures")

# 001 Gmail: multipart/alternative, QP UTF-8, standard date.
add("""MIME-Version: 1.0
Date: Tue, 5 Mar 2024 10:12:45 -0300
Message-ID: <CAHk7fQx9zL2pW1n=o8vD+qz@mail.gmail.com>
Subject: No puedo acceder a mi cuenta
From: =?UTF-8?Q?Mar=C3=ADa_Gonz=C3=A1lez?= <maria.gonzalez@gmail.com>
To: soporte@empresa.com
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

--000000000000a1b2c3d4e5f60718
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hola,

Desde ayer no puedo iniciar sesi=C3=B3n. Me aparece el mensaje =E2=80=9Ccon=
trase=C3=B1a incorrecta=E2=80=9D aunque la cambi=C3=A9.

Gracias,
Mar=C3=ADa

--000000000000a1b2c3d4e5f60718
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Hola,<div><br></div><div>Desde ayer no puedo iniciar sesi=
=C3=B3n.</div></div>

--000000000000a1b2c3d4e5f60718--
""", {
    "message_id": "CAHk7fQx9zL2pW1n=o8vD+qz@mail.gmail.com",
    "in_reply_to": [], "references": [],
    "from": {"name": "María González", "address": "maria.gonzalez@gmail.com"},
    "to": [{"name": None, "address": "soporte@empresa.com"}],
    "cc": [],
    "subject": "No puedo acceder a mi cuenta",
    "date": "2024-03-05T13:12:45Z",
    "text": "Hola,\n\nDesde ayer no puedo iniciar sesión. Me aparece el mensaje “contraseña incorrecta” aunque la cambié.\n\nGracias,\nMaría\n",
    "html_contains": ["<div dir=\"ltr\">Hola,", "iniciar sesión.</div>"],
    "attachments": [], "auto_generated": None, "diagnostics": [],
})

# 002 Outlook: mixed > alternative (iso-8859-1 QP) + PDF attachment, reply threading.
pdf = payload(2, 5000)
add("""Received: from AM0PR04MB1234.eurprd04.prod.outlook.com (2603:10a6:208:16b::19)
 by AM0PR04MB5678.eurprd04.prod.outlook.com with HTTPS; Wed, 6 Mar 2024
 08:01:02 +0000
From: Jorge Ramirez <jramirez@constructora-andes.com.pe>
To: "soporte@empresa.com" <soporte@empresa.com>
CC: Lucia Vargas <lvargas@constructora-andes.com.pe>
Subject: RE: [OP10044] Factura duplicada de febrero
Thread-Topic: [OP10044] Factura duplicada de febrero
Thread-Index: AQHabc1234567890abcdefABCDEF==
Date: Wed, 6 Mar 2024 08:00:57 +0000
Message-ID: <AM0PR04MB5678A1B2C3D4E5F6@AM0PR04MB5678.eurprd04.prod.outlook.com>
References: <OP10044.1709650000@empresa.com>
 <AM0PR04MB1111@AM0PR04MB1111.eurprd04.prod.outlook.com>
In-Reply-To: <OP10044.1709650000@empresa.com>
Accept-Language: es-PE, en-US
Content-Language: es-PE
X-MS-Has-Attach: yes
X-MS-TNEF-Correlator:
Content-Type: multipart/mixed;
\tboundary="_004_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_"
MIME-Version: 1.0

--_004_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_"

--_000_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Buenos d=EDas,

Adjunto la factura que nos lleg=F3 duplicada. =BFPueden anularla?

Saludos cordiales,
Jorge Ram=EDrez

--_000_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Buenos d=EDas,</p><p>Adjunto la factura que nos lleg=F3 dupl=
icada.</p></body></html>

--_000_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_--

--_004_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_
Content-Type: application/pdf; name="Factura F001-2291.pdf"
Content-Description: Factura F001-2291.pdf
Content-Disposition: attachment; filename="Factura F001-2291.pdf"; size=5000;
\tcreation-date="Wed, 06 Mar 2024 08:00:00 GMT";
\tmodification-date="Wed, 06 Mar 2024 08:00:00 GMT"
Content-Transfer-Encoding: base64

""" + b64(pdf) + """

--_004_AM0PR04MB5678A1B2C3D4E5F6AM0PR04MB5678eurp_--
""", {
    "message_id": "AM0PR04MB5678A1B2C3D4E5F6@AM0PR04MB5678.eurprd04.prod.outlook.com",
    "in_reply_to": ["OP10044.1709650000@empresa.com"],
    "references": ["OP10044.1709650000@empresa.com", "AM0PR04MB1111@AM0PR04MB1111.eurprd04.prod.outlook.com"],
    "from": {"name": "Jorge Ramirez", "address": "jramirez@constructora-andes.com.pe"},
    "to": [{"name": "soporte@empresa.com", "address": "soporte@empresa.com"}],
    "cc": [{"name": "Lucia Vargas", "address": "lvargas@constructora-andes.com.pe"}],
    "subject": "RE: [OP10044] Factura duplicada de febrero",
    "date": "2024-03-06T08:00:57Z",
    "text": "Buenos días,\n\nAdjunto la factura que nos llegó duplicada. ¿Pueden anularla?\n\nSaludos cordiales,\nJorge Ramírez\n",
    "html_contains": ["<p>Adjunto la factura que nos llegó duplicada.</p>"],
    "attachments": [att("Factura F001-2291.pdf", "application/pdf", pdf)],
    "auto_generated": None, "diagnostics": [],
})

# 003 ISO-8859-1 body without any charset declaration (8bit).
add("From: Carmen Muñoz <cmunoz@ferreteria-sol.es>\n".encode("utf-8") + b"""To: soporte@empresa.com
Subject: Pedido 4471 sin entregar
Date: Thu, 7 Mar 2024 17:45:00 +0100
Message-ID: <20240307164500.GA1234@ferreteria-sol.es>
MIME-Version: 1.0
Content-Type: text/plain
Content-Transfer-Encoding: 8bit

Buenas tardes:

El pedido n\xba 4471 a\xfan no ha llegado. La se\xf1ora Mu\xf1oz lo necesita antes del mi\xe9rcoles.

Un saludo.
""", {
    "message_id": "20240307164500.GA1234@ferreteria-sol.es",
    "from": {"name": "Carmen Muñoz", "address": "cmunoz@ferreteria-sol.es"},
    "subject": "Pedido 4471 sin entregar",
    "date": "2024-03-07T16:45:00Z",
    "text": "Buenas tardes:\n\nEl pedido nº 4471 aún no ha llegado. La señora Muñoz lo necesita antes del miércoles.\n\nUn saludo.\n",
    "attachments": [], "auto_generated": None, "diagnostics": [],
})

# 004 windows-1252 body without charset: curly quotes, euro sign, en dash.
add(b"""From: Pablo Ortega <portega@distribuidora-norte.mx>
To: soporte@empresa.com
Subject: Cobro indebido
Date: Fri, 8 Mar 2024 09:30:00 -0600
Message-ID: <000001da7123$abcdef01$0200a8c0@PORTEGA>
MIME-Version: 1.0
Content-Type: text/plain
Content-Transfer-Encoding: 8bit
X-Mailer: Microsoft Office Outlook 12.0

Nos cobraron 150 \x80 por el \x93plan avanzado\x94 \x96 nunca lo contratamos.
""", {
    "message_id": "000001da7123$abcdef01$0200a8c0@PORTEGA",
    "from": {"name": "Pablo Ortega", "address": "portega@distribuidora-norte.mx"},
    "date": "2024-03-08T15:30:00Z",
    "text": "Nos cobraron 150 € por el “plan avanzado” – nunca lo contratamos.\n",
    "attachments": [], "auto_generated": None, "diagnostics": [],
})

# 005 HTML-only mail (no text/plain): text derived from HTML.
add("""From: "Servicio Técnico Ruiz" <tecnico@ruiz-servicios.com.ar>
To: soporte@empresa.com
Subject: =?iso-8859-1?Q?Consulta_sobre_la_garant=EDa?=
Date: Mon, 11 Mar 2024 14:00:00 -0300
Message-ID: <5f2a1c3e.1c69fb81.abc12.34ef@mx.google.com>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><head><style>p {color: red}</style></head><body>
<p>Estimados,</p>
<p>=C2=BFLa garant=C3=ADa cubre el cambio de bater=C3=ADa?</p>
</body></html>
""", {
    "from": {"name": "Servicio Técnico Ruiz", "address": "tecnico@ruiz-servicios.com.ar"},
    "subject": "Consulta sobre la garantía",
    "date": "2024-03-11T17:00:00Z",
    "text_contains": ["Estimados,", "¿La garantía cubre el cambio de batería?"],
    "html_contains": ["<p>¿La garantía cubre el cambio de batería?</p>"],
    "attachments": [], "auto_generated": None, "diagnostics": [],
})

# 006 Apple/Thunderbird style: mixed > alternative > related (html + inline image) + docx.
png = b"\x89PNG\r\n\x1a\n" + payload(6, 1200)
docx = b"PK\x03\x04" + payload(7, 3000)
add("""From: Elena Castro <elena.castro@clinica-vida.cl>
To: Soporte Empresa <soporte@empresa.com>
Subject: Error al imprimir recetas
Date: Tue, 12 Mar 2024 11:20:33 -0300
Message-Id: <E1C2D3F4-1234-4ABC-9DEF-0123456789AB@clinica-vida.cl>
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))
Content-Type: multipart/mixed; boundary="Apple-Mail=_6A3F1B2C-0D4E-4F5A-8B9C-1D2E3F4A5B6C"

--Apple-Mail=_6A3F1B2C-0D4E-4F5A-8B9C-1D2E3F4A5B6C
Content-Type: multipart/alternative; boundary="Apple-Mail=_7B4A2C3D-1E5F-4A6B-9C0D-2E3F4A5B6C7D"

--Apple-Mail=_7B4A2C3D-1E5F-4A6B-9C0D-2E3F4A5B6C7D
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii

Al imprimir sale este error (captura adjunta). Envio tambien el documento.

--Apple-Mail=_7B4A2C3D-1E5F-4A6B-9C0D-2E3F4A5B6C7D
Content-Type: multipart/related; type="text/html"; boundary="Apple-Mail=_8C5B3D4E-2F6A-4B7C-0D1E-3F4A5B6C7D8E"

--Apple-Mail=_8C5B3D4E-2F6A-4B7C-0D1E-3F4A5B6C7D8E
Content-Transfer-Encoding: 7bit
Content-Type: text/html; charset=us-ascii

<html><body>Al imprimir sale este error:<br><img src="cid:F1A2B3C4-captura@clinica-vida.cl"></body></html>
--Apple-Mail=_8C5B3D4E-2F6A-4B7C-0D1E-3F4A5B6C7D8E
Content-Transfer-Encoding: base64
Content-Disposition: inline; filename=captura.png
Content-Type: image/png; name="captura.png"
Content-Id: <F1A2B3C4-captura@clinica-vida.cl>

""" + b64(png) + """
--Apple-Mail=_8C5B3D4E-2F6A-4B7C-0D1E-3F4A5B6C7D8E--

--Apple-Mail=_7B4A2C3D-1E5F-4A6B-9C0D-2E3F4A5B6C7D--

--Apple-Mail=_6A3F1B2C-0D4E-4F5A-8B9C-1D2E3F4A5B6C
Content-Disposition: attachment; filename="Procedimiento impresion.docx"
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="Procedimiento impresion.docx"
Content-Transfer-Encoding: base64

""" + b64(docx) + """
--Apple-Mail=_6A3F1B2C-0D4E-4F5A-8B9C-1D2E3F4A5B6C--
""", {
    "message_id": "E1C2D3F4-1234-4ABC-9DEF-0123456789AB@clinica-vida.cl",
    "from": {"name": "Elena Castro", "address": "elena.castro@clinica-vida.cl"},
    "to": [{"name": "Soporte Empresa", "address": "soporte@empresa.com"}],
    "date": "2024-03-12T14:20:33Z",
    "text": "Al imprimir sale este error (captura adjunta). Envio tambien el documento.\n",
    "html_contains": ["<img src=\"cid:F1A2B3C4-captura@clinica-vida.cl\">"],
    "attachments": [
        att("captura.png", "image/png", png, inline=True, content_id="F1A2B3C4-captura@clinica-vida.cl"),
        att("Procedimiento impresion.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
    ],
    "auto_generated": None, "diagnostics": [],
})

# 007 Forwarded message as message/rfc822: the inner text and attachment stay inside.
inner = """From: Proveedor Logistico <avisos@logistica-express.com>
To: Roberto Silva <rsilva@importadora-sur.cl>
Subject: Aviso de retraso
Date: Mon, 11 Mar 2024 08:00:00 -0300
Message-ID: <aviso-778@logistica-express.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="inner-b"

--inner-b
Content-Type: text/plain; charset=utf-8

Su envio llegara con 3 dias de retraso.
--inner-b
Content-Type: text/csv; name="detalle.csv"
Content-Disposition: attachment; filename="detalle.csv"

guia,estado
778,retrasado
--inner-b--
"""
add("""From: Roberto Silva <rsilva@importadora-sur.cl>
To: soporte@empresa.com
Subject: Fwd: Aviso de retraso
Date: Mon, 11 Mar 2024 09:10:00 -0300
Message-ID: <fwd-1@importadora-sur.cl>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer-b"

--outer-b
Content-Type: text/plain; charset=utf-8

Les reenvio el aviso del proveedor, ¿pueden revisarlo?
--outer-b
Content-Type: message/rfc822
Content-Disposition: attachment; filename="Aviso de retraso.eml"

""" + inner + """
--outer-b--
""", {
    "from": {"name": "Roberto Silva", "address": "rsilva@importadora-sur.cl"},
    "subject": "Fwd: Aviso de retraso",
    "text": "Les reenvio el aviso del proveedor, ¿pueden revisarlo?",
    "attachments": [att("Aviso de retraso.eml", "message/rfc822", inner.encode())],
    "auto_generated": None, "diagnostics": [],
})

# 008 RFC 2231: continuations with charset, and an ISO-8859-1 single extended value.
presupuesto = payload(8, 2048)
informe = "Informe técnico: el equipo falla al encender.\n".encode("iso-8859-1")
add("""From: Andrea Molina <amolina@estudio-molina.com.co>
To: soporte@empresa.com
Subject: Presupuesto y informe
Date: Wed, 13 Mar 2024 16:05:00 -0500
Message-ID: <rfc2231-test@estudio-molina.com.co>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=-2231-="

--=-2231-=
Content-Type: text/plain; charset=utf-8

Adjunto presupuesto e informe.
--=-2231-=
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*0*=UTF-8''Presupuesto%20a%C3%B1o;
 filename*1*=%202024%20%E2%80%94%20;
 filename*2="versión final.pdf"
Content-Transfer-Encoding: base64

""" + b64(presupuesto) + """
--=-2231-=
Content-Type: text/plain; charset=iso-8859-1;
 name*=iso-8859-1'es'Informe%20t%E9cnico.txt
Content-Disposition: attachment
Content-Transfer-Encoding: base64

""" + b64(informe) + """
--=-2231-=--
""", {
    "text": "Adjunto presupuesto e informe.",
    "attachments": [
        att("Presupuesto año 2024 — versión final.pdf", "application/pdf", presupuesto),
        att("Informe técnico.txt", "text/plain", informe),
    ],
    "diagnostics": [],
})

# 009 RFC 2047 encoded-word filenames (B and Q), as Outlook and old Thunderbird write them.
shot = b"\x89PNG\r\n\x1a\n" + payload(9, 800)
xls = payload(10, 1500)
add("""From: =?iso-8859-1?Q?Jos=E9_Mart=EDnez?= <jose.martinez@hotel-playa.es>
To: soporte@empresa.com
Subject: =?UTF-8?B?Q29udHJhc2XDsWEgb2x2aWRhZGE=?=
Date: Thu, 14 Mar 2024 12:00:00 +0100
Message-ID: <ew-filenames@hotel-playa.es>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="----=_NextPart_000_0012_01DA7601.23456780"

This is a multi-part message in MIME format.

------=_NextPart_000_0012_01DA7601.23456780
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

No recuerdo mi contraseña, adjunto captura y listado.

------=_NextPart_000_0012_01DA7601.23456780
Content-Type: image/png; name="=?UTF-8?B?Q29udHJhc2XDsWEgb2x2aWRhZGEucG5n?="
Content-Transfer-Encoding: base64
Content-Disposition: attachment

""" + b64(shot) + """

------=_NextPart_000_0012_01DA7601.23456780
Content-Type: application/vnd.ms-excel
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="=?iso-8859-1?Q?Listado_de_usuarios_a=F1o.xls?="

""" + b64(xls) + """

------=_NextPart_000_0012_01DA7601.23456780--
""", {
    "from": {"name": "José Martínez", "address": "jose.martinez@hotel-playa.es"},
    "subject": "Contraseña olvidada",
    "text": "No recuerdo mi contraseña, adjunto captura y listado.\n",
    "attachments": [
        att("Contraseña olvidada.png", "image/png", shot),
        att("Listado de usuarios año.xls", "application/vnd.ms-excel", xls),
    ],
    "diagnostics": [],
})

# 010 Broken boundary: the declared boundary never appears; the one in the body is used.
zipdata = b"PK\x03\x04" + payload(11, 700)
add("""From: Diego Herrera <dherrera@agro-campo.com.uy>
To: soporte@empresa.com
Subject: Logs del servidor
Date: Fri, 15 Mar 2024 10:00:00 -0300
Message-ID: <broken-boundary@agro-campo.com.uy>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_declared_but_never_used"

----=_Part_4412_1189.1710507600000
Content-Type: text/plain; charset=UTF-8

Envio los logs comprimidos.
----=_Part_4412_1189.1710507600000
Content-Type: application/zip; name=logs.zip
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename=logs.zip

""" + b64(zipdata) + """
----=_Part_4412_1189.1710507600000--
""", {
    "text": "Envio los logs comprimidos.",
    "attachments": [att("logs.zip", "application/zip", zipdata)],
    "diagnostics": ["missingBoundary"],
})

# 011 Missing closing boundary (the sending client cut the message): take what is there.
jpg = b"\xff\xd8\xff\xe0" + payload(12, 900)
add("""From: Sofia Rojas <srojas@colegio-sanmartin.edu.pe>
To: soporte@empresa.com
Subject: Foto del error
Date: Sat, 16 Mar 2024 08:15:00 -0500
Message-ID: <no-close@colegio-sanmartin.edu.pe>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b-open"

--b-open
Content-Type: text/plain; charset=utf-8

Les mando la foto de la pantalla.
--b-open
Content-Type: image/jpeg; name="pantalla.jpg"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="pantalla.jpg"

""" + b64(jpg) + "\n", {
    "text": "Les mando la foto de la pantalla.",
    "attachments": [att("pantalla.jpg", "image/jpeg", jpg)],
    "diagnostics": ["missingClosingBoundary"],
})

# 012 Lenient base64: odd line lengths, stray characters, missing padding.
odd = payload(13, 1001)  # 1001 bytes: the last quantum needs padding
enc = base64.b64encode(odd).decode().rstrip("=")
lines, i, widths = [], 0, [60, 77, 13, 90, 4]
while i < len(enc):
    w = widths[len(lines) % len(widths)]
    lines.append(enc[i:i + w])
    i += w
lines[3] = lines[3][:10] + "*" + lines[3][10:] + "   "
lines[5] = "\t" + lines[5] + "!"
add("""From: Martin Lopez <mlopez@talleres-lopez.com>
To: soporte@empresa.com
Subject: Manual escaneado
Date: Sun, 17 Mar 2024 19:00:00 -0300
Message-ID: <lenient-b64@talleres-lopez.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="lenient"

--lenient
Content-Type: text/plain

Adjunto el manual.
--lenient
Content-Type: application/octet-stream; name="manual.bin"
Content-Transfer-Encoding: base64

""" + "\n".join(lines) + """
--lenient--
""", {
    "text": "Adjunto el manual.",
    "attachments": [att("manual.bin", "application/octet-stream", odd)],
    "diagnostics": ["malformedBase64"],
})

# 013 Bounce: multipart/report (delivery-status) from MAILER-DAEMON with a null return path.
add("""Return-Path: <>
Delivered-To: soporte@empresa.com
Date: Mon, 18 Mar 2024 03:22:10 +0000 (UTC)
From: MAILER-DAEMON@mx1.empresa.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: soporte@empresa.com
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="5E2B1C0A12.1710732130/mx1.empresa.com"
Message-Id: <20240318032210.7A1B2C0A12@mx1.empresa.com>

This is a MIME-encapsulated message.

--5E2B1C0A12.1710732130/mx1.empresa.com
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.empresa.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--5E2B1C0A12.1710732130/mx1.empresa.com
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.empresa.com
Final-Recipient: rfc822; cliente@dominio-inexistente.com
Action: failed
Status: 5.1.2

--5E2B1C0A12.1710732130/mx1.empresa.com
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: soporte@empresa.com
To: cliente@dominio-inexistente.com
Subject: [OP10050] Hemos recibido su solicitud

--5E2B1C0A12.1710732130/mx1.empresa.com--
""", {
    "return_path": "",
    "from": {"name": "Mail Delivery System", "address": "MAILER-DAEMON@mx1.empresa.com"},
    "date": "2024-03-18T03:22:10Z",
    "text_prefix": "This is the mail system at host mx1.empresa.com.",
    "attachments": [
        {"filename": None, "content_type": "message/delivery-status", "inline": False},
        {"filename": None, "content_type": "text/rfc822-headers", "inline": False},
    ],
    "auto_generated": "autoSubmitted", "diagnostics": [],
})

# 014 Out-of-office reply (Auto-Submitted) with an ISO-8859-1 Q-encoded subject.
add("""Return-Path: <lucia.fernandez@municipalidad-centro.gob.ar>
From: =?iso-8859-1?Q?Luc=EDa_Fern=E1ndez?= <lucia.fernandez@municipalidad-centro.gob.ar>
To: soporte@empresa.com
Subject: =?iso-8859-1?Q?Respuesta_autom=E1tica:_[OP10061]_Hemos_recibido_su_sol?=
 =?iso-8859-1?Q?icitud?=
Date: Tue, 19 Mar 2024 10:00:00 -0300
Message-ID: <ooo-123@municipalidad-centro.gob.ar>
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Estar=E9 fuera de la oficina hasta el lunes 25 de marzo.
""", {
    "return_path": "lucia.fernandez@municipalidad-centro.gob.ar",
    "from": {"name": "Lucía Fernández", "address": "lucia.fernandez@municipalidad-centro.gob.ar"},
    "subject": "Respuesta automática: [OP10061] Hemos recibido su solicitud",
    "text": "Estaré fuera de la oficina hasta el lunes 25 de marzo.\n",
    "auto_generated": "autoSubmitted", "diagnostics": [],
})

# 015 Mailing list mail (Precedence: list plus List-Id).
add("""From: Boletin Proveedores <boletin@camara-comercio.org>
To: soporte@empresa.com
Subject: Novedades de marzo
Date: Wed, 20 Mar 2024 07:00:00 -0400
Message-ID: <boletin-2024-03@camara-comercio.org>
List-Id: Boletin de proveedores <proveedores.camara-comercio.org>
List-Unsubscribe: <mailto:baja@camara-comercio.org>, <https://camara-comercio.org/baja>
Precedence: list
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Este mes: nuevas tarifas de envío.
""", {
    "date": "2024-03-20T11:00:00Z",
    "text": "Este mes: nuevas tarifas de envío.\n",
    "auto_generated": "precedence", "diagnostics": [],
})

# 016 Header block without a blank line: the body starts right after the last header.
add("""From: Hugo Paredes <hparedes@transportes-paredes.com.bo>
To: soporte@empresa.com
Subject: Sin linea en blanco
Date: Thu, 21 Mar 2024 15:00:00 -0400
Message-ID: <no-blank-line@transportes-paredes.com.bo>
Buenas, el sistema no me deja cargar la guia de remision.
Gracias.
""", {
    "subject": "Sin linea en blanco",
    "text": "Buenas, el sistema no me deja cargar la guia de remision.\nGracias.\n",
    "diagnostics": ["headerWithoutColon"],
})

# 017 Raw 8-bit headers: one in valid UTF-8, one in Latin-1 (invalid UTF-8).
add("From: Iñaki Etxeberria <inaki@bodegas-rioja.es>\n".encode("utf-8") +
    b"To: soporte@empresa.com\nSubject: Facturaci\xf3n err\xf3nea de se\xf1ales\n" +
    b"""Date: Fri, 22 Mar 2024 13:00:00 +0100
Message-ID: <raw8bit@bodegas-rioja.es>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

""" + "La factura de señales está mal.\n".encode("utf-8"), {
    "from": {"name": "Iñaki Etxeberria", "address": "inaki@bodegas-rioja.es"},
    "subject": "Facturación errónea de señales",
    "text": "La factura de señales está mal.\n",
    "diagnostics": ["eightBitHeader"],
})

# 018 Groups: a named group with members, an empty group, and a plain address after it.
add("""From: Ventas <ventas@mayorista-central.com>
To: Equipo Soporte: ana@empresa.com, "Luis Peña" <luis@empresa.com>;, gerencia@empresa.com
Cc: undisclosed-recipients:;
Subject: Consulta grupal
Date: Sat, 23 Mar 2024 09:00:00 +0000
Message-ID: <groups@mayorista-central.com>

Consulta para todo el equipo.
""", {
    "to": [
        {"name": None, "address": "ana@empresa.com"},
        {"name": "Luis Peña", "address": "luis@empresa.com"},
        {"name": None, "address": "gerencia@empresa.com"},
    ],
    "cc": [],
    "text": "Consulta para todo el equipo.\n",
    "diagnostics": [],
})

# 019 Comments in addresses, obsolete `addr (Name)` form, unquoted comma in a name.
add("""From: juan.perez@ferreteria-perez.com (Juan Perez)
To: <soporte@empresa.com> (Mesa de ayuda), "Perez, Ana" <ana@ferreteria-perez.com>
Cc: Perez, Luis <luis@ferreteria-perez.com>
Reply-To: Juan Perez (oficina) <compras@ferreteria-perez.com>
Subject: Comentarios en direcciones
Date: Sun, 24 Mar 2024 18:30:00 -0300
Message-ID: <comments@ferreteria-perez.com>

Prueba.
""", {
    "from": {"name": "Juan Perez", "address": "juan.perez@ferreteria-perez.com"},
    "to": [
        {"name": None, "address": "soporte@empresa.com"},
        {"name": "Perez, Ana", "address": "ana@ferreteria-perez.com"},
    ],
    "cc": [{"name": "Perez Luis", "address": "luis@ferreteria-perez.com"}],
    "reply_to": [{"name": "Juan Perez", "address": "compras@ferreteria-perez.com"}],
    "diagnostics": [],
})

# 020 Broken date: no weekday, 2-digit year, obsolete zone, no seconds.
add("""From: Raul Medina <rmedina@oldmailer.net>
To: soporte@empresa.com
Subject: Fecha vieja
Date: 5 Mar 24 10:07 EST
Message-ID: <old-date@oldmailer.net>

Texto.
""", {
    "date": "2024-03-05T15:07:00Z",
    "diagnostics": [],
})

# 021 Broken date: upper-case month, single-digit day, extra spaces, no zone (UTC).
add("""From: Nadia Vera <nvera@estudio-vera.com>
To: soporte@empresa.com
Subject: Fecha sin zona
Date: Tue,  5 MAR 2024 9:05:07
Message-ID: <no-zone@estudio-vera.com>

Texto.
""", {"date": "2024-03-05T09:05:07Z", "diagnostics": []})

# 022 Unreadable date: no date, a diagnostic.
add("""From: Nadia Vera <nvera@estudio-vera.com>
To: soporte@empresa.com
Subject: Fecha ilegible
Date: mañana por la tarde
Message-ID: <bad-date@estudio-vera.com>

Texto.
""", {"date": None, "diagnostics": ["malformedDate"]})

# 023 Quoted-printable: soft breaks, lowercase hex, stray "=" kept literally, trailing spaces.
add("""From: Oscar Ibarra <oibarra@consultora-ibarra.com>
To: soporte@empresa.com
Subject: QP raro
Date: Wed, 27 Mar 2024 10:00:00 -0600
Message-ID: <qp@consultora-ibarra.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

La f=c3=b3rmula es a=b+c y el descuento =3D 10 %.  \t
Esta l=C3=ADnea es muy larga y se =
parte en dos.
Fin =ZZ.
""", {
    "text": "La fórmula es a=b+c y el descuento = 10 %.\nEsta línea es muy larga y se parte en dos.\nFin =ZZ.\n",
    "diagnostics": ["malformedQuotedPrintable"],
})

# 024 Unknown charset name: read as undeclared (UTF-8 here), with a diagnostic.
add("""From: Teresa Gil <tgil@editorial-gil.es>
To: soporte@empresa.com
Subject: Charset desconocido
Date: Thu, 28 Mar 2024 12:00:00 +0100
Message-ID: <unknown-charset@editorial-gil.es>
MIME-Version: 1.0
Content-Type: text/plain; charset="x-charset-inventado"
Content-Transfer-Encoding: 8bit

Revisión pendiente.
""", {
    "text": "Revisión pendiente.\n",
    "diagnostics": ["unknownCharset"],
})

# 025 Charsets through iconv: an ISO-8859-2 body and a KOI8-R encoded-word subject.
add(b"""From: Pawel Nowak <pnowak@firma.pl>
To: soporte@empresa.com
Subject: =?KOI8-R?B?8NLP18XSy8E=?= zamowienia
Date: Fri, 29 Mar 2024 09:00:00 +0100
Message-ID: <iconv@firma.pl>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-2
Content-Transfer-Encoding: 8bit

Dzie\xf1 dobry, prosz\xea o pomoc. \xa3\xf3d\xbc.
""", {
    "subject": "Проверка zamowienia",
    "text": "Dzień dobry, proszę o pomoc. Łódź.\n",
    "diagnostics": [],
})

# 026 Null return path and a postmaster sender (plain text bounce, no report).
add("""Return-Path: <>
From: postmaster@correo-cliente.com.ec
To: soporte@empresa.com
Subject: Mensaje no entregado
Date: Sat, 30 Mar 2024 04:00:00 -0500
Message-ID: <ndr-1@correo-cliente.com.ec>

El buzon del destinatario esta lleno.
""", {
    "return_path": "",
    "from": {"name": None, "address": "postmaster@correo-cliente.com.ec"},
    "auto_generated": "bounceSender", "diagnostics": [],
})

# 027 Microsoft auto mail recognised only by X-Auto-Response-Suppress.
add("""From: Notificaciones <no-reply@portal-clientes.com>
To: soporte@empresa.com
Subject: Su contrasena vence pronto
Date: Sun, 31 Mar 2024 10:00:00 +0000
Message-ID: <vendor@portal-clientes.com>
X-Auto-Response-Suppress: OOF, AutoReply

Su contrasena vence en 5 dias.
""", {"auto_generated": "vendorHeader", "diagnostics": []})

# 028 Buzón's own loop header.
add("""From: Soporte Empresa <soporte@empresa.com>
To: soporte@empresa.com
Subject: [OP10070] Hemos recibido su solicitud
Date: Mon, 1 Apr 2024 10:00:00 +0000
Message-ID: <OP10070.ack@empresa.com>
X-Buzon-Loop: soporte@empresa.com
Auto-Submitted: auto-replied

Hemos recibido su solicitud.
""", {"auto_generated": "ownLoopHeader", "diagnostics": []})

# 029 Threading ids: junk and comments between ids, ids without brackets, folded References.
add("""From: Ana Torres <atorres@inmobiliaria-torres.com>
To: soporte@empresa.com
Subject: Re: [OP10044] Factura duplicada de febrero
Date: Tue, 2 Apr 2024 11:00:00 -0300
Message-ID:   <reply-29@inmobiliaria-torres.com>   (enviado desde el movil)
In-Reply-To: <OP10044.1709650000@empresa.com> (Soporte's message of "Tue, 5 Mar 2024")
References: <OP10044.1709650000@empresa.com>
\t AM0PR04MB5678A1B2C3D4E5F6@AM0PR04MB5678.eurprd04.prod.outlook.com, junk
 <third@inmobiliaria-torres.com>

Sigue pendiente.
""", {
    "message_id": "reply-29@inmobiliaria-torres.com",
    "in_reply_to": ["OP10044.1709650000@empresa.com"],
    "references": ["OP10044.1709650000@empresa.com",
                   "AM0PR04MB5678A1B2C3D4E5F6@AM0PR04MB5678.eurprd04.prod.outlook.com",
                   "third@inmobiliaria-torres.com"],
    "diagnostics": [],
})

# 030 Unusual boundary characters, a quoted boundary with spaces, preamble and epilogue.
add("""From: Gabriel Soto <gsoto@laboratorio-soto.cl>
To: soporte@empresa.com
Subject: Boundary raro
Date: Wed, 3 Apr 2024 08:00:00 -0300
Message-ID: <odd-boundary@laboratorio-soto.cl>
MIME-Version: 1.0
Content-Type: multipart/alternative;
 boundary="=_?:'()+,-./ con espacios"

Preambulo que nadie lee.
--=_?:'()+,-./ con espacios
Content-Type: text/plain; charset=utf-8

Texto con boundary raro.
--=_?:'()+,-./ con espacios
Content-Type: text/html; charset=utf-8

<p>Texto con boundary raro.</p>
--=_?:'()+,-./ con espacios--
Epilogo ignorado.
--=_?:'()+,-./ con espacios
Content-Type: text/plain

No debe aparecer.
""", {
    "text": "Texto con boundary raro.",
    "html_contains": ["<p>Texto con boundary raro.</p>"],
    "attachments": [],
    "diagnostics": [],
})

# 031 Apple Mail style: text / inline image / text; both text parts form the body.
photo = b"\xff\xd8\xff\xe0" + payload(31, 600)
add("""From: Beatriz Luna <bluna@optica-luna.com>
To: soporte@empresa.com
Subject: Etiqueta rota
Date: Thu, 4 Apr 2024 17:00:00 -0300
Message-ID: <split-text@optica-luna.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="Apple-Mail=_split"

--Apple-Mail=_split
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii

Asi llego la etiqueta:
--Apple-Mail=_split
Content-Transfer-Encoding: base64
Content-Disposition: inline; filename=etiqueta.jpg
Content-Type: image/jpeg; name="etiqueta.jpg"

""" + b64(photo) + """
--Apple-Mail=_split
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii

Como ven, esta rota.
--Apple-Mail=_split--
""", {
    "text": "Asi llego la etiqueta:\n\nComo ven, esta rota.",
    "attachments": [att("etiqueta.jpg", "image/jpeg", photo, inline=True)],
    "diagnostics": [],
})

# 032 A text/plain part with Content-Disposition: attachment is an attachment, not body.
notes = b"linea 1\nlinea 2\n"
add("""From: Ricardo Pena <rpena@software-pena.com>
To: soporte@empresa.com
Subject: Notas adjuntas
Date: Fri, 5 Apr 2024 10:00:00 -0300
Message-ID: <txt-attachment@software-pena.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="txt"

--txt
Content-Type: text/plain; charset=utf-8

Ver notas.
--txt
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment

linea 1
linea 2

--txt--
""", {
    "text": "Ver notas.",
    "attachments": [att(None, "text/plain", notes)],
    "diagnostics": [],
})

# 033 Unknown transfer encoding: content kept as is, with a diagnostic.
uu = b"begin 644 datos.txt\n%:&]L80H`\n`\nend\n"
add("""From: Victor Campos <vcampos@legacy-systems.com>
To: soporte@empresa.com
Subject: Archivo uuencode
Date: Sat, 6 Apr 2024 10:00:00 -0300
Message-ID: <uu@legacy-systems.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="uu"

--uu
Content-Type: text/plain

Adjunto datos.
--uu
Content-Type: application/octet-stream; name="datos.uue"
Content-Transfer-Encoding: x-uuencode

begin 644 datos.txt
%:&]L80H`
`
end

--uu--
""", {
    "text": "Adjunto datos.",
    "attachments": [{"filename": "datos.uue", "content_type": "application/octet-stream", "inline": False}],
    "diagnostics": ["unknownTransferEncoding"],
})

# 034 Obsolete address forms: route address, missing brackets, unterminated quote.
add("""From: <@relay.proveedor.com:compras@proveedor.com>
To: Juan Perez juan@cliente.com
Cc: "Perez, Juan <jperez@cliente.com>
Reply-To: compras@proveedor.com
Subject: Direcciones obsoletas
Date: Sun, 7 Apr 2024 10:00:00 +0000
Message-ID: <obsolete-addr@proveedor.com>

Texto.
""", {
    "from": {"name": None, "address": "compras@proveedor.com"},
    "to": [{"name": "Juan Perez", "address": "juan@cliente.com"}],
    "cc": [{"name": "Perez Juan", "address": "jperez@cliente.com"}],
    "reply_to": [{"name": None, "address": "compras@proveedor.com"}],
    "diagnostics": ["malformedAddress"],
})

_subject = "¿Cuándo llega el técnico? ñ".encode()
_w = [_subject[:5], _subject[5:20], _subject[20:]]  # the first split cuts "á" in half
_w = ["=?UTF-8?B?" + base64.b64encode(w).decode() + "?=" for w in _w]
# 035 Adjacent encoded words splitting a UTF-8 character, and a malformed one left as written.
add("From: =?UTF-8?B?" + base64.b64encode("Jorge Núñez".encode()).decode() + """?= <jnunez@textiles-nunez.com>
To: soporte@empresa.com
Subject: """ + _w[0] + " " + _w[1] + "\n " + _w[2] + """ y =?UTF-8?Q?roto_sin_cierre
Date: Mon, 8 Apr 2024 10:00:00 -0500
Message-ID: <encoded-words@textiles-nunez.com>

Texto.
""", {
    "from": {"name": "Jorge Núñez", "address": "jnunez@textiles-nunez.com"},
    "subject": "¿Cuándo llega el técnico? ñ y =?UTF-8?Q?roto_sin_cierre",
    "diagnostics": ["malformedEncodedWord"],
})

# 036 Disposition notification (read receipt): multipart/report, no other marker.
add("""From: Mariana Rios <mrios@aseguradora-rios.com>
To: soporte@empresa.com
Subject: Leido: [OP10080] Hemos recibido su solicitud
Date: Tue, 9 Apr 2024 10:00:00 -0300
Message-ID: <mdn-1@aseguradora-rios.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification; boundary="mdn"

--mdn
Content-Type: text/plain; charset=utf-8

Su mensaje fue leido el martes.
--mdn
Content-Type: message/disposition-notification

Reporting-UA: Outlook
Final-Recipient: rfc822;mrios@aseguradora-rios.com
Disposition: manual-action/MDN-sent-manually; displayed
--mdn--
""", {
    "text": "Su mensaje fue leido el martes.",
    "attachments": [{"filename": None, "content_type": "message/disposition-notification", "inline": False}],
    "auto_generated": "deliveryReport", "diagnostics": [],
})

# 037 Mixed CRLF/LF would be normalised by the runner; here: header case, duplicate To fields,
# Sender without From, and a declared us-ascii body that is really UTF-8.
add("""SENDER: Mesa Central <central@holding-andino.com>
to: ana@empresa.com
TO: luis@empresa.com
subject: Duplicados
date: Wed, 10 Apr 2024 10:00:00 -0400
message-id: <dups@holding-andino.com>
content-type: text/plain; charset=US-ASCII

Atención por favor.
""", {
    "from": {"name": "Mesa Central", "address": "central@holding-andino.com"},
    "to": [{"name": None, "address": "ana@empresa.com"}, {"name": None, "address": "luis@empresa.com"}],
    "subject": "Duplicados",
    "date": "2024-04-10T14:00:00Z",
    "text": "Atención por favor.\n",
    "diagnostics": ["invalidCharsetBytes"],
})

# 038 Aliases and quoting of charset names: latin1, cp1252, ISO_8859-1, utf8.
add(b"""From: Alias Test <alias@pruebas.com>
To: soporte@empresa.com
Subject: =?latin1?Q?a=F1o?= =?cp1252?Q?_=80?= =?ISO_8859-1?Q?_=E9?= =?utf8?Q?_=C3=BC?=
Date: Thu, 11 Apr 2024 10:00:00 +0000
Message-ID: <aliases@pruebas.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="\\"iso-8859-15\\""
Content-Transfer-Encoding: 8bit

Precio: 10\xa4
""", {
    "subject": "año € é ü",
    "text": "Precio: 10€\n",
    "diagnostics": [],
})


# 039 Mail relayed through an mbox-based tool: a misplaced `From ` line and a `>From ` line
# inside the header block. Skipped (as Python's parser does), so the real From: and the
# Subject are read intact (issue #10 item 6).
add("""Return-Path: <lucia.mendez@andina.cl>
Received: from mx.andina.cl by mx.empresa.com; Mon, 15 Apr 2024 09:00:00 -0400
From lucia.mendez@andina.cl Mon Apr 15 09:00:01 2024
>From lucia.mendez@andina.cl Mon Apr 15 09:00:00 2024
Subject: Consulta por contrato
From lucia.mendez@andina.cl Mon Apr 15 09:00:02 2024
From: =?UTF-8?Q?Luc=C3=ADa_M=C3=A9ndez?= <lucia.mendez@andina.cl>
To: soporte@empresa.com
Date: Mon, 15 Apr 2024 09:00:00 -0400
Message-ID: <mbox-relay-1@andina.cl>

Hola, adjunto la consulta.
From mi punto de vista, es urgente.
""", {
    "from": {"name": "Lucía Méndez", "address": "lucia.mendez@andina.cl"},
    "subject": "Consulta por contrato",
    "message_id": "mbox-relay-1@andina.cl",
    "date": "2024-04-15T13:00:00Z",
    "text": "Hola, adjunto la consulta.\nFrom mi punto de vista, es urgente.\n",
    "diagnostics": ["misplacedMboxLine"],
})

write()
