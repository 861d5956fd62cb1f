package com.campaignmanager.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.serve.LocalRunnerFixture;
import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags template.yaml gives the functions ({@code JAVA_TOOL_OPTIONS}): a JVM starts with them (a flag it
 * refuses would stop every function on AWS, and {@code -XX:CICompilerCount=1} is refused without C1 alone), and the
 * cold-start benchmark runs with every one of them.
 */
class TemplateJvmFlagsTest {
    private static Set<String> toolOptions() throws IOException {
        SamTemplate template = SamTemplate.read(LocalRunnerFixture.REPOSITORY.resolve("template.yaml"));
        Set<String> options = new TreeSet<>();
        for (FunctionDefinition function : template.functions().values()) {
            options.add(function.environment().getOrDefault("JAVA_TOOL_OPTIONS", ""));
        }
        return options;
    }

    @Test
    void everyFunctionGetsOneC1CompilerThreadWithC1AloneAndRoomForItsClassMetadata() throws IOException {
        for (String options : toolOptions()) {
            assertThat(options.split(" "))
                    .as(options)
                    .contains("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                            "-XX:MetaspaceSize=64m");
        }
    }

    @Test
    void aJvmStartsWithTheFlagsOfEveryFunction() throws Exception {
        for (String options : toolOptions()) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(Arrays.asList(options.split(" ")));
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(java.exitValue()).as(options + "\n" + output).isZero();
        }
    }

    @Test
    void theColdStartBenchmarkRunsWithEveryFlagTheFunctionsGet() throws IOException {
        for (String options : toolOptions()) {
            List<String> jvmFlags = Arrays.stream(options.split(" ")).filter(flag -> flag.startsWith("-XX:")).toList();
            assertThat(ColdStartBenchmark.JVM_FLAGS).as(options).containsAll(jvmFlags);
        }
    }
}
