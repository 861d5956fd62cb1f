package com.campaignmanager.local.dataapi;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one local Data API per test JVM (ephemeral port, embedded PostgreSQL in a temporary directory), on first
 * use, and closes it when the JVM's root extension context closes (after the last test). Tests isolate themselves
 * by database ({@link LocalDataApi#createDatabase}) or by data, never by starting another PostgreSQL.
 *
 * <pre>
 * &#64;ExtendWith(LocalDataApiExtension.class)
 * class CampaignRepositoryTest {
 *     private final LocalDataApi dataApi = LocalDataApiExtension.dataApi();
 * }
 * </pre>
 */
public final class LocalDataApiExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDataApiExtension.class);
    private static volatile LocalDataApi dataApi;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store starts it once for all test classes (thread-safe) and closes it, as an AutoCloseable,
        // when the test plan ends.
        LocalDataApi started = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalDataApi.class, key -> LocalDataApi.start(LocalDataApiConfig.defaults()),
                        LocalDataApi.class);
        dataApi = started;
    }

    /** The running local Data API; available from {@code @BeforeAll} on in classes using this extension. */
    public static LocalDataApi dataApi() {
        LocalDataApi current = dataApi;
        if (current == null) {
            throw new IllegalStateException(
                    "The local Data API is not started: annotate the test class with @ExtendWith(LocalDataApiExtension.class)");
        }
        return current;
    }
}
