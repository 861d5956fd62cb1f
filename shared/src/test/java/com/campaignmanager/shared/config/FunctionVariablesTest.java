package com.campaignmanager.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the local runner gives each in-process function its own variables, and the tests' fallback without it. */
class FunctionVariablesTest {
    private static final String SHARED = "ENVIRONMENT_TEST_SHARED";
    private static final String OWN = "ENVIRONMENT_TEST_OWN";

    @AfterEach
    void clearProperties() {
        System.clearProperty(SHARED);
        System.clearProperty(OWN);
    }

    @Test
    void withoutFunctionVariablesSystemPropertiesStandInForTheEnvironment() {
        System.setProperty(SHARED, "from-property");
        assertThat(Environment.system().optional(SHARED)).contains("from-property");
        assertThat(Environment.system().optional("PATH")).contains(System.getenv("PATH").trim());
    }

    @Test
    void aFunctionsVariablesAreAllItSeesNeitherPropertiesNorTheProcessEnvironment() {
        System.setProperty(SHARED, "another function's");
        Environment seen = Environment.withVariables(Map.of(OWN, "mine"), Environment::system);

        assertThat(seen.optional(OWN)).contains("mine");
        assertThatThrownBy(() -> seen.required(SHARED)).isInstanceOfSatisfying(MissingConfigurationException.class,
                e -> assertThat(e.variable()).isEqualTo(SHARED));
        assertThat(seen.optional("PATH")).isEmpty();
        // Outside, the fallback is back.
        assertThat(Environment.system().optional(SHARED)).contains("another function's");
        assertThat(Environment.system().optional(OWN)).isEmpty();
    }

    @Test
    void whatAFunctionReadsLaterOrOnAnotherThreadIsStillItsOwn() throws Exception {
        Environment seen = Environment.withVariables(Map.of(OWN, "mine"), Environment::system);
        System.setProperty(OWN, "a property");

        assertThat(CompletableFuture.supplyAsync(() -> seen.optional(OWN)).get()).contains("mine");
    }

    @Test
    void anInnerScopeEndsWithItsWorkEvenWhenTheWorkThrows() {
        String inner = Environment.withVariables(Map.of(OWN, "outer"), () -> {
            assertThatThrownBy(() -> Environment.withVariables(Map.of(OWN, "inner"), () -> {
                throw new IOException("init failed");
            })).isInstanceOf(IOException.class);
            return Environment.system().required(OWN);
        });

        assertThat(inner).isEqualTo("outer");
        assertThat(Environment.system().optional(OWN)).isEmpty();
    }
}
