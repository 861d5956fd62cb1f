package com.campaignmanager.local.serve;

import com.campaignmanager.local.DirectoryTree;
import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiConfig;
import com.campaignmanager.local.lambda.FunctionError;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.template.SamTemplate;
import com.campaignmanager.shared.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code serve} and {@code invoke} both stand on: the local Data API over PostgreSQL kept in the data
 * directory, the functions of template.yaml configured to reach it, and the schema migrated by MigrateFunction.
 */
final class LocalBackend implements AutoCloseable {
    static final String MIGRATE_FUNCTION = "MigrateFunction";

    private final LocalDataApi dataApi;
    private final InProcessFunctions functions;

    private LocalBackend(LocalDataApi dataApi, InProcessFunctions functions) {
        this.dataApi = dataApi;
        this.functions = functions;
    }

    static LocalBackend start(RunnerOptions options) throws IOException {
        // Before any logger starts: readable lines instead of Lambda's JSON.
        System.setProperty("log4j2.configurationFile", "classpath:log4j2-local.xml");
        SamTemplate template = readTemplate(options.template());
        Path dataDir = options.dataDir().toAbsolutePath();
        if (options.fresh()) {
            DirectoryTree.delete(dataDir.resolve("postgres"));
        }
        Files.createDirectories(dataDir);
        LocalDataApiConfig config = LocalDataApiConfig.defaults().withDataDir(dataDir).withDatabase(options.database());
        if (options.jdbcUrl() != null) {
            config = config.withJdbcUrl(options.jdbcUrl()).withDbUser(options.dbUser()).withDbPassword(options.dbPassword());
        }
        LocalDataApi dataApi = LocalDataApi.start(config);
        return new LocalBackend(dataApi, new InProcessFunctions(template, functionVariables(template, dataApi, options)));
    }

    /**
     * What the deploy's parameters give on AWS, for this machine only: the secrets have no default in the template
     * (a function without them refuses to start), so the runner supplies development values to the functions
     * whose template entry names them, and links in messages point at the runner. Any of them set in the
     * runner's environment wins.
     */
    static Map<String, String> developmentSettings(RunnerOptions options) {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return Map.of("UNSUBSCRIBE_SIGNING_KEY", "local-unsubscribe-signing-key-not-for-production",
                "MAILJET_WEBHOOK_PASSWORD", "local-webhook-secret",
                "PUBLIC_API_URL", "http://" + host + ":" + options.port(),
                // The issuer the runner's authorizer trusts, which McpFunction names to MCP clients.
                "JWT_ISSUER", LocalAuthConfig.DEFAULT_ISSUER);
    }

    /**
     * Each function's own variables (the runner runs them all in this JVM, so JVM-wide settings would let one
     * function see another's): the template's, with the database settings pointing at the local Data API.
     * JVM-wide stay only the credentials, which the SDK's credential chain reads as system properties and which
     * are the same for every function.
     */
    private static Map<String, Map<String, String>> functionVariables(SamTemplate template, LocalDataApi dataApi,
                                                                     RunnerOptions options) {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Map<String, String> database = Map.of(
                DatabaseSettings.CLUSTER_ARN, dataApi.clusterArn(),
                DatabaseSettings.SECRET_ARN, dataApi.secretArn(),
                DatabaseSettings.DATABASE, dataApi.database(),
                DatabaseSettings.ENDPOINT, dataApi.endpoint().toString(),
                DatabaseSettings.REGION, "us-east-1");
        return new FunctionVariables(database, developmentSettings(options), System.getenv()).of(template);
    }

    static SamTemplate readTemplate(Path file) throws IOException {
        if (file != null) {
            return SamTemplate.read(file);
        }
        Path workingCopy = Path.of("template.yaml");
        if (Files.exists(workingCopy)) {
            return SamTemplate.read(workingCopy);
        }
        // Outside the repository: the copy of template.yaml built into this jar.
        try (InputStream in = LocalBackend.class.getResourceAsStream("/campaign-manager/template.yaml")) {
            if (in == null) {
                throw new IOException("template.yaml not found: run from the repository root or pass --template FILE");
            }
            Path copy = Files.createTempFile("campaign-manager-template", ".yaml");
            copy.toFile().deleteOnExit();
            Files.write(copy, in.readAllBytes());
            return SamTemplate.read(copy);
        }
    }

    /** Runs MigrateFunction as the deploy does; returns its report. */
    String migrate() throws FunctionError {
        if (functions.template().function(MIGRATE_FUNCTION).isEmpty()) {
            return "{}";
        }
        return new String(functions.invoke(MIGRATE_FUNCTION, "{}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    LocalDataApi dataApi() {
        return dataApi;
    }

    InProcessFunctions functions() {
        return functions;
    }

    @Override
    public void close() {
        dataApi.close();
    }
}
