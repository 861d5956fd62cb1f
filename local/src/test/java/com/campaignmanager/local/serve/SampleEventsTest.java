package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in events/ is a valid event for its function: {@code events/health-monitor/*.json} goes to
 * {@code HealthMonitorFunction}. They are the files `sam local invoke -e` takes, so they must keep working.
 */
@ExtendWith(LocalDataApiExtension.class)
class SampleEventsTest {
    private static final Path EVENTS = LocalRunnerFixture.REPOSITORY.resolve("events");
    private static final ObjectMapper JSON = new ObjectMapper();

    static String functionFor(Path eventFile) {
        StringBuilder logicalId = new StringBuilder();
        for (String part : eventFile.getParent().getFileName().toString().split("-")) {
            logicalId.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return logicalId.append("Function").toString();
    }

    static List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eventRunsAgainstItsFunction(Path eventFile) throws Exception {
        InProcessFunctions functions = LocalRunnerFixture.running().backend().functions();
        String function = functionFor(eventFile);
        assertThat(functions.template().function(function)).as("function for " + eventFile).isPresent();

        JsonNode response = JSON.readTree(functions.invoke(function, Files.readAllBytes(eventFile)));

        if (response.has("statusCode")) {
            assertThat(response.get("statusCode").asInt()).as(eventFile + ": " + response).isLessThan(400);
        }
    }

    @Test
    void everyFunctionHasASampleEvent() throws IOException {
        SamTemplate template = SamTemplate.read(LocalRunnerFixture.REPOSITORY.resolve("template.yaml"));
        List<String> covered = eventFiles().stream().map(SampleEventsTest::functionFor).distinct().toList();

        assertThat(covered).containsAll(template.functions().keySet());
    }
}
