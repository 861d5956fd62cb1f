package com.campaignmanager.local.serve;

import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.SamTemplate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables the runner gives each function, as its own: those its template entry names (Globals and its own)
 * and nothing else, so that a variable missing from an entry is missing locally too, as on AWS. For each, the
 * value in the runner's own environment wins, then the runner's local value, then the template's.
 *
 * @param everyFunction what every function has on AWS, here pointing at this machine: the database settings
 *                      and the region (which Lambda sets)
 * @param whereNamed local values for variables whose template value is a deploy parameter or an intrinsic the
 *                   runner cannot resolve (secrets, the API's address): only for functions that name them
 * @param processEnvironment the runner's own environment
 */
record FunctionVariables(Map<String, String> everyFunction, Map<String, String> whereNamed,
                         Map<String, String> processEnvironment) {

    FunctionVariables {
        everyFunction = Map.copyOf(everyFunction);
        whereNamed = Map.copyOf(whereNamed);
        processEnvironment = Map.copyOf(processEnvironment);
    }

    /** Each function's variables, by logical id. */
    Map<String, Map<String, String>> of(SamTemplate template) {
        Map<String, Map<String, String>> variables = new HashMap<>();
        template.functions().forEach((logicalId, function) -> variables.put(logicalId, of(function)));
        return Map.copyOf(variables);
    }

    Map<String, String> of(FunctionDefinition function) {
        Set<String> names = new LinkedHashSet<>(function.variableNames());
        names.addAll(everyFunction.keySet());
        Map<String, String> variables = new HashMap<>();
        for (String name : names) {
            String value = processEnvironment.get(name);
            if (value == null) {
                value = everyFunction.containsKey(name) ? everyFunction.get(name) : whereNamed.get(name);
            }
            if (value == null) {
                value = function.environment().get(name);
            }
            if (value != null) {
                variables.put(name, value);
            }
        }
        return Map.copyOf(variables);
    }
}
