import Foundation
import Testing

/// `deliver slack` over HTTPS to a local server with a self-signed certificate made by openssl:
/// trusted with `--ca-file`, refused (and not tried as if temporary) without it.
@Suite struct HTTPSDeliverTests {
    static let server = """
    import http.server, ssl, sys
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers['Content-Length']))
            with open(sys.argv[3], 'ab') as f: f.write(self.path.encode() + b' ' + body + b'\\n')
            self.send_response(200); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'ok')
        def log_message(self, *args): pass
    server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/root/.pyenv/shims/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func aPrivateCAIsTrustedOnlyWhenNamed() throws {
        guard let openssl = Self.tool("openssl"), let python = Self.tool("python3") else {
            print("HTTPSDeliverTests skipped: needs openssl and python3")
            return
        }
        var cli = CLI()
        defer { cli.remove() }
        let dir = cli.root.path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: openssl)
        make.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                          "-keyout", "\(dir)/key.pem", "-out", "\(dir)/cert.pem", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        make.standardError = FileHandle.nullDevice
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0)
        let script = try cli.write("server.py", Self.server)
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = [script, "\(dir)/cert.pem", "\(dir)/key.pem", "\(dir)/received"]
        let out = Pipe()
        run.standardOutput = out
        run.standardError = FileHandle.nullDevice
        try run.run()
        // SIGKILL: the server inherits the test runner's signal mask, where SIGTERM may be blocked.
        defer { kill(run.processIdentifier, SIGKILL); run.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            try #require(!chunk.isEmpty, "the server did not start")
            line += chunk
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "https://127.0.0.1:\(port)/services/\(HTTPDeliverTests.secret)"

        let untrusted = try cli.run("deliver", "slack", "--timeout", "5", input: HTTPDeliverTests.payload())
        #expect(untrusted.code == 65, "\(untrusted.err)")
        #expect(untrusted.err.hasPrefix("escalator: the TLS handshake with https://127.0.0.1:\(port) failed (the certificate is not trusted)"), "\(untrusted.err)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/received"))

        let trusted = try cli.run("deliver", "slack", "--timeout", "5", "--ca-file", "\(dir)/cert.pem", input: HTTPDeliverTests.payload())
        #expect(trusted.code == 0, "\(trusted.err)")
        let received = try String(contentsOfFile: "\(dir)/received", encoding: .utf8)
        #expect(received.hasPrefix("/services/\(HTTPDeliverTests.secret) {\"blocks\":"), "\(received)")

        let missing = try cli.run("deliver", "slack", "--ca-file", "\(dir)/nope.pem", input: HTTPDeliverTests.payload())
        #expect(missing.code == 65 && missing.err.contains("the CA file \(dir)/nope.pem cannot be read"), "\(missing.err)")
    }
}
