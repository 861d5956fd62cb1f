package com.campaignmanager.local.serve;

import com.campaignmanager.local.lambda.FunctionError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code invoke <FunctionLogicalId> --event FILE [--data-dir DIR]}: one invocation, like {@code sam local invoke}.
 * When a runner is serving the same data directory, the invocation goes through it (PostgreSQL's data can have
 * only one server); otherwise this command starts the local Data API itself for the one call.
 */
public final class InvokeCommand {
    static final String USAGE = "usage: invoke <FunctionLogicalId> --event FILE [--data-dir DIR] [--template FILE]";

    private InvokeCommand() {
    }

    public static int run(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println(USAGE);
            return 2;
        }
        String logicalId = args[0];
        Path eventFile = null;
        RunnerOptions[] options = {RunnerOptions.defaults()};
        for (int i = 1; i < args.length; ) {
            if (args[i].equals("--event") && i + 1 < args.length) {
                eventFile = Path.of(args[i + 1]);
                i += 2;
                continue;
            }
            int used = RunnerOptions.parse(args, i, options);
            if (used == 0) {
                System.err.println("unknown or incomplete flag: " + args[i]);
                System.err.println(USAGE);
                return 2;
            }
            i += used;
        }
        byte[] event = eventFile == null ? "{}".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(eventFile);

        Path stateFile = options[0].dataDir().toAbsolutePath().resolve("runner.port");
        if (Files.exists(stateFile)) {
            try {
                return throughRunner(Integer.parseInt(Files.readString(stateFile).trim()), logicalId, event);
            } catch (ConnectException | NumberFormatException e) {
                // A runner that was killed left its state file behind: nobody is serving, start our own.
            }
        }
        try (LocalBackend backend = LocalBackend.start(options[0])) {
            backend.dataApi().postgresRecovery().ifPresent(System.err::println); // stdout is the function's answer
            backend.migrate();
            byte[] response = backend.functions().invoke(logicalId, event);
            System.out.println(new String(response, StandardCharsets.UTF_8));
            return 0;
        } catch (FunctionError e) {
            System.out.println(e.toJson());
            return 1;
        }
    }

    private static int throughRunner(int port, String logicalId, byte[] event) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/_local/invoke/"
                + logicalId).openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("content-type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(event);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            System.out.println(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return status == 200 && connection.getHeaderField("x-amz-function-error") == null ? 0 : 1;
    }
}
