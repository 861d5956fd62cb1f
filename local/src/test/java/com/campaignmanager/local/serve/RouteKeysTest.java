package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.HttpRoute;
import com.campaignmanager.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * template.yaml and the code agree on routes, both ways: a route the template gives a function that its code
 * does not serve answers 404 on AWS, and a route the code serves that the template leaves out is unreachable.
 * The code's keys are what each handler says it serves (ServesRoutes), read from the handler as the runner
 * loads it.
 */
@ExtendWith(LocalDataApiExtension.class)
class RouteKeysTest {

    @Test
    void eachFunctionServesExactlyTheRoutesTheTemplateGivesIt() throws Exception {
        InProcessFunctions functions = LocalRunnerFixture.running().backend().functions();
        SoftAssertions softly = new SoftAssertions();
        Set<String> apiFunctions = new TreeSet<>();
        for (FunctionDefinition function : functions.template().functions().values()) {
            Set<String> inTemplate = function.routes().stream().map(HttpRoute::routeKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> inCode = new TreeSet<>(functions.routeKeys(function.logicalId()).orElse(Set.of()));
            if (!inCode.isEmpty()) {
                apiFunctions.add(function.logicalId());
            }
            softly.assertThat(inCode).as("%s: the route keys its code serves (actual) and its HttpApi events in"
                    + " template.yaml (expected)", function.logicalId())
                    .containsExactlyInAnyOrderElementsOf(inTemplate);
        }
        softly.assertAll();
        assertThat(apiFunctions).contains("CampaignsFunction", "HealthFunction", "ListsFunction",
                "MailjetEventsFunction", "McpFunction", "NotificationsFunction", "SearchFunction", "TasksFunction",
                "TeamFunction");
    }

    @Test
    void noRouteKeyGoesToTwoFunctions() throws Exception {
        Map<String, List<String>> functionsByKey = new TreeMap<>(SamTemplate.read(LocalRunnerFixture.REPOSITORY
                .resolve("template.yaml")).routes().stream().collect(Collectors.groupingBy(HttpRoute::routeKey,
                Collectors.mapping(HttpRoute::functionLogicalId, Collectors.toList()))));

        assertThat(functionsByKey).isNotEmpty()
                .allSatisfy((key, functions) -> assertThat(functions).as(key).hasSize(1));
    }
}
