package com.campaignmanager.local.serve;

import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.auth.LocalJwtAuthorizer;
import com.campaignmanager.local.auth.LocalSigningKey;
import com.campaignmanager.local.auth.LocalTokenIssuer;
import com.campaignmanager.local.auth.TokenRequest;
import com.campaignmanager.local.dataapi.LoopbackHost;
import com.campaignmanager.local.gateway.LocalHttpApi;
import com.campaignmanager.local.lambda.FunctionError;
import com.campaignmanager.local.template.HttpRoute;
import com.campaignmanager.local.template.ScheduleDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--port 3000] [--data-dir DIR] [--fresh] [--host H --allow-remote]}: every HttpApi route and every
 * schedule of template.yaml on this machine, with the JWT authorizer, over the local Data API; until Ctrl-C. It
 * listens on loopback only, unless {@code --allow-remote} comes with another {@code --host}.
 */
public final class ServeCommand {
    static final String USAGE = "usage: serve [--port N] [--host H [--allow-remote]] [--data-dir DIR] [--fresh]"
            + " [--template FILE] [--jdbc-url URL --db-user U --db-password P] [--database NAME]";

    private ServeCommand() {
    }

    public static int run(String[] args) throws IOException, InterruptedException {
        RunnerOptions[] options = {RunnerOptions.defaults()};
        for (int i = 0; i < args.length; ) {
            int used;
            try {
                used = RunnerOptions.parse(args, i, options);
            } catch (NumberFormatException e) {
                used = 0;
            }
            if (used == 0) {
                System.err.println("unknown or incomplete flag: " + args[i]);
                System.err.println(USAGE);
                return 2;
            }
            i += used;
        }
        Optional<String> refusal = options[0].hostRefusal();
        if (refusal.isPresent()) {
            System.err.println("serve: " + refusal.get());
            return 2;
        }
        Running running = start(options[0]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "local-runner-shutdown"));
        stopped.await();
        return 0;
    }

    /** The running runner; closing it stops the HTTP API, the schedules and PostgreSQL. */
    public record Running(LocalBackend backend, LocalHttpApi api, LocalScheduler scheduler, Path stateFile)
            implements AutoCloseable {
        public java.net.URI endpoint() {
            return api.endpoint();
        }

        public String databaseName() {
            return backend.dataApi().database();
        }

        @Override
        public void close() {
            api.close();
            scheduler.close();
            backend.close();
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // A stale state file is detected as such by the next invoke.
            }
            System.out.println("local runner stopped");
        }
    }

    public static Running start(RunnerOptions options) throws IOException {
        Optional<String> refusal = options.hostRefusal();
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        LocalBackend backend = LocalBackend.start(options);
        backend.dataApi().postgresRecovery().ifPresent(System.out::println);
        try {
            String migration = backend.migrate();
            System.out.println("migrated: " + migration);
        } catch (FunctionError e) {
            backend.close();
            throw new IOException("MigrateFunction failed: " + e.getMessage(), e);
        }
        Path dataDir = options.dataDir().toAbsolutePath();
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir);
        LocalAuthConfig auth = LocalAuthConfig.defaults();
        LocalScheduler scheduler = new LocalScheduler(backend.functions());
        LocalHttpApi api = new LocalHttpApi(backend.functions(), new LocalJwtAuthorizer(key, auth),
                scheduler::fireNow, options.host(), options.port());
        scheduler.start();
        Path stateFile = dataDir.resolve("runner.port");
        Files.writeString(stateFile, Integer.toString(api.endpoint().getPort()), StandardCharsets.UTF_8);

        printReady(backend, api, scheduler, new LocalTokenIssuer(key, auth));
        if (!LoopbackHost.is(options.host())) {
            System.out.println("warning: --allow-remote: whoever can reach " + options.host()
                    + " can run any function through /_local/, without a token");
        }
        return new Running(backend, api, scheduler, stateFile);
    }

    private static void printReady(LocalBackend backend, LocalHttpApi api, LocalScheduler scheduler,
                                   LocalTokenIssuer issuer) {
        List<HttpRoute> routes = backend.functions().template().routes();
        System.out.println();
        for (HttpRoute route : routes) {
            System.out.printf("  %-7s %-45s %s%s%n", route.method(), route.path(), route.functionLogicalId(),
                    route.authorized() ? "" : "  (public)");
        }
        for (ScheduleDefinition schedule : scheduler.schedules()) {
            System.out.printf("  %-53s %s, next %s%n", schedule.expression(), schedule.functionLogicalId(),
                    scheduler.nextFire(schedule).map(Object::toString).orElse("never"));
        }
        String token = issuer.issue(new TokenRequest("local-admin", "admin@example.com", List.of("admin"),
                TokenRequest.DEFAULT_TTL));
        String base = api.endpoint().toString();
        System.out.println();
        System.out.println("campaign-manager is ready at " + base + " (Data API at " + backend.dataApi().endpoint() + ")");
        System.out.println("try:");
        // Examples from whatever the template holds: the runner knows no function by name.
        routes.stream().filter(r -> !r.authorized() && r.method().equals("GET") && !r.path().contains("{"))
                .findFirst()
                .ifPresent(r -> System.out.println("  curl " + base + r.path()));
        routes.stream().filter(r -> r.authorized() && r.method().equals("GET") && !r.path().contains("{"))
                .findFirst()
                .ifPresent(r -> System.out.println("  curl -H 'Authorization: Bearer " + token + "' " + base + r.path()));
        scheduler.schedules().stream().findFirst().ifPresent(s -> System.out.println(
                "  curl -X POST " + base + "/_local/schedules/" + s.functionLogicalId()));
        System.out.println("more tokens: java -jar local/target/campaign-local.jar token --sub alice --email alice@example.com --role editor");
        System.out.flush();
    }
}
