package com.campaignmanager.local.dataapi;

import com.campaignmanager.local.dataapi.engine.DataApiService;
import com.campaignmanager.local.dataapi.engine.DatabasePools;
import com.campaignmanager.local.dataapi.engine.ServedCluster;
import com.campaignmanager.local.dataapi.engine.TransactionRegistry;
import com.campaignmanager.local.dataapi.postgres.DatabaseCatalog;
import com.campaignmanager.local.dataapi.postgres.EmbeddedPostgresServer;
import com.campaignmanager.local.dataapi.postgres.ExternalPostgresServer;
import com.campaignmanager.local.dataapi.postgres.PostgresServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local stand-in for Aurora PostgreSQL behind the RDS Data API: an HTTP server that the unmodified
 * {@code RdsDataClient} (endpointOverride + static credentials) uses as it would the service, backed by an
 * embedded PostgreSQL 16 (or an existing PostgreSQL).
 */
public final class LocalDataApi implements AutoCloseable {
    /**
     * The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
     * for the client's delayed ACK of the headers, which made every call on a kept-alive connection take ~40 ms.
     * Read once, when the JDK's server configuration first loads.
     */
    public static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final System.Logger LOG = System.getLogger(LocalDataApi.class.getName());
    private static final Path EMBEDDED_SUBDIRECTORY = Path.of("postgres");

    private final LocalDataApiConfig config;
    private final PostgresServer postgres;
    private final Path temporaryDirectory;
    private final DatabaseCatalog catalog;
    private final DatabasePools pools;
    private final TransactionRegistry transactions;
    private final DataApiLimits limits;
    private final FaultInjector faults;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final ThreadPoolExecutor httpThreads;
    private final HttpServer httpServer;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();

    private LocalDataApi(LocalDataApiConfig config, PostgresServer postgres, Path temporaryDirectory) throws IOException {
        this.config = config;
        this.postgres = postgres;
        this.temporaryDirectory = temporaryDirectory;
        this.catalog = new DatabaseCatalog(postgres);
        this.limits = new DataApiLimits(config);
        this.faults = new FaultInjector();
        this.pools = new DatabasePools(postgres, catalog, config.maxConnections());
        this.transactions = new TransactionRegistry(limits);
        // Not bounded by itself: each worker serves one waiting HTTP thread (bounded below) or one statement left
        // running after its call timed out (continueAfterTimeout), which holds one of the bounded pool connections.
        this.workers = Executors.newCachedThreadPool(daemonThreads("data-api-statement"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemonThreads("data-api-transaction-sweeper"));
        sweeper.scheduleWithFixedDelay(transactions::sweep, 250, 250, TimeUnit.MILLISECONDS);

        ObjectMapper json = new ObjectMapper();
        DataApiService service = new DataApiService(
                new ServedCluster(config.clusterArn(), config.secretArn(), config.database()),
                pools, transactions, limits, workers, json);
        // Bounded: a burst of callers queues here (and then in the accept backlog), not in PostgreSQL.
        int threads = Math.min(64, Math.max(8, config.maxConnections() * 4));
        this.httpThreads = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), daemonThreads("data-api-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        disableNagle();
        this.httpServer = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        httpServer.createContext("/", new DataApiRoutes(service, faults, json));
        httpServer.createContext(FaultsAdminRoute.PATH, new FaultsAdminRoute(faults, json));
        httpServer.setExecutor(httpThreads);
        httpServer.start();
        this.endpoint = URI.create("http://" + endpointHost(config.host()) + ":" + httpServer.getAddress().getPort());
        this.shutdownHook = new Thread(this::close, "local-data-api-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts PostgreSQL (embedded unless {@code jdbcUrl} is set), creates the configured database if missing and
     * starts the HTTP server; returns once it accepts calls.
     */
    public static LocalDataApi start(LocalDataApiConfig config) {
        Path temporaryDirectory = null;
        PostgresServer postgres = null;
        try {
            if (config.jdbcUrl() != null) {
                postgres = new ExternalPostgresServer(config.jdbcUrl(), config.dbUser(), config.dbPassword());
            } else if (config.dataDir() != null) {
                Files.createDirectories(config.dataDir());
                postgres = EmbeddedPostgresServer.start(config.dataDir().resolve(EMBEDDED_SUBDIRECTORY), false);
            } else {
                temporaryDirectory = Files.createTempDirectory("local-data-api-");
                postgres = EmbeddedPostgresServer.start(temporaryDirectory.resolve(EMBEDDED_SUBDIRECTORY), true);
            }
            new DatabaseCatalog(postgres).createIfMissing(config.database());
            return new LocalDataApi(config, postgres, temporaryDirectory);
        } catch (IOException | SQLException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            deleteRecursively(temporaryDirectory);
            throw new IllegalStateException("Could not start the local Data API: " + e.getMessage(), e);
        }
    }

    /** Where to point {@code RdsDataClient.builder().endpointOverride(...)}, e.g. http://127.0.0.1:54321. */
    public URI endpoint() {
        return endpoint;
    }

    public LocalDataApiConfig config() {
        return config;
    }

    public String clusterArn() {
        return config.clusterArn();
    }

    public String secretArn() {
        return config.secretArn();
    }

    public String database() {
        return config.database();
    }

    public FaultInjector faults() {
        return faults;
    }

    public DataApiLimits limits() {
        return limits;
    }

    /**
     * Creates a fresh empty database on the same PostgreSQL, named from the prefix and a random suffix (a valid
     * identifier); the Data API serves it to requests whose {@code database} member names it.
     */
    public String createDatabase(String namePrefix) {
        String prefix = namePrefix == null ? "" : namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (prefix.isEmpty() || !Character.isLetter(prefix.charAt(0))) {
            prefix = "db_" + prefix;
        }
        if (prefix.length() > 40) {
            prefix = prefix.substring(0, 40);
        }
        byte[] suffix = new byte[5];
        random.nextBytes(suffix);
        String name = prefix + "_" + HexFormat.of().formatHex(suffix);
        try {
            catalog.createIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** A JDBC URL for a database on the PostgreSQL behind this Data API (for test assertions); see user(), password(). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String user() {
        return postgres.user();
    }

    public String password() {
        return postgres.password();
    }

    /** A line for people: which PostgreSQL serves this Data API. */
    public String postgresDescription() {
        return postgres.description();
    }

    /** What had to be put right before PostgreSQL started (a server an earlier run left running), for people. */
    public Optional<String> postgresRecovery() {
        return postgres.recovery();
    }

    public int activeTransactions() {
        return transactions.size();
    }

    /** Stops HTTP, rolls back open transactions, closes the pools and stops the embedded PostgreSQL cleanly. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        runQuietly(failures, () -> httpServer.stop(0));
        runQuietly(failures, httpThreads::shutdownNow);
        runQuietly(failures, sweeper::shutdownNow);
        runQuietly(failures, transactions::close);
        runQuietly(failures, workers::shutdownNow);
        runQuietly(failures, pools::close);
        runQuietly(failures, postgres::close);
        runQuietly(failures, () -> deleteRecursively(temporaryDirectory));
        runQuietly(failures, () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Closing from the hook itself.
            }
        });
        if (!failures.isEmpty()) {
            RuntimeException failure = new IllegalStateException("The local Data API did not close cleanly", failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void runQuietly(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the local Data API", e);
            failures.add(e);
        }
    }

    private static String endpointHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
