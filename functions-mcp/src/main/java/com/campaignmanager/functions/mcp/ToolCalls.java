package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.FieldError;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a tool call the way a route runs a request: the arguments checked against the tool's input schema (a call
 * that does not fit it is a JSON-RPC error, -32602), the operation run with the caller's identity, and its outcome
 * answered as the protocol wants it — the result as {@code structuredContent} and the same JSON as text; a refusal of
 * the operation (not found, forbidden, conflict, a bad value) as a result with {@code isError} and the problem's
 * detail, so that the assistant can read it and correct itself.
 */
final class ToolCalls {
    /** A result larger than this would crowd an assistant's context: the call says to ask for less. */
    static final int MAX_RESULT_BYTES = 64 * 1024;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper json;
    private final JsonSchemaValidator validator;

    /** {@code json}: the API's mapper, so that results read exactly as the HTTP routes' bodies. */
    ToolCalls(ObjectMapper json, JsonSchemaValidator validator) {
        this.json = json;
        this.validator = validator;
    }

    McpStatelessServerFeatures.SyncToolSpecification specification(Tool tool) {
        McpSchema.Tool definition = McpSchema.Tool.builder().name(tool.name()).title(tool.title())
                .description(tool.description()).inputSchema(tool.inputSchema()).outputSchema(tool.outputSchema())
                .annotations(tool.annotations()).build();
        return new McpStatelessServerFeatures.SyncToolSpecification(definition,
                (context, request) -> call(tool, context, request));
    }

    CallToolResult call(Tool tool, McpTransportContext context, McpSchema.CallToolRequest request) {
        Acting acting = (Acting) context.get(GatewayTransport.ACTING);
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        JsonSchemaValidator.ValidationResponse validation = validator.validate(tool.inputSchema(), arguments);
        if (!validation.valid()) {
            throw McpError.builder(ErrorCodes.INVALID_PARAMS)
                    .message("the arguments of " + tool.name() + " do not fit its input schema: "
                            + validation.errorMessage())
                    .build();
        }
        try {
            @SuppressWarnings("unchecked")
            Optional<String> gatewayDomain = (Optional<String>) context.get(GatewayTransport.GATEWAY_DOMAIN);
            return success(tool.operation().run(acting, new ToolArguments(json.valueToTree(arguments),
                    gatewayDomain == null ? Optional.empty() : gatewayDomain)));
        } catch (ApiProblem problem) {
            return failure(problem);
        } catch (InvalidFieldException invalid) {
            return failure(ApiProblem.invalid(invalid.field(), invalid.getMessage()));
        } catch (McpError error) {
            throw error;
        } catch (RuntimeException e) {
            ApiProblem problem = RouteDispatcher.translate(e, "tool " + tool.name());
            if (problem.status() == 500) {
                throw McpError.builder(ErrorCodes.INTERNAL_ERROR)
                        .message("an unexpected error occurred (request " + acting.requestId() + ")").build();
            }
            return failure(problem);
        }
    }

    /**
     * Priming: {@code madeUpResult} answered as a successful call of {@code tool} answers it (converted and written),
     * then checked against the tool's output schema as the server checks a structured result, so that the first real
     * call finds the serialisers built and the schema compiled. No operation runs: the result is the caller's.
     */
    void prime(Tool tool, Object madeUpResult) {
        CallToolResult result = success(madeUpResult);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(tool.name() + "'s made-up result was refused");
        }
        JsonSchemaValidator.ValidationResponse validation = validator.validate(tool.outputSchema(),
                result.structuredContent());
        if (!validation.valid()) {
            throw new IllegalStateException(tool.name() + "'s made-up result does not fit its output schema: "
                    + validation.errorMessage());
        }
    }

    private CallToolResult success(Object result) {
        Map<String, Object> structured = json.convertValue(result, OBJECT);
        String text;
        try {
            text = json.writeValueAsString(structured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool result is not serialisable", e);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT_BYTES) {
            return failure(ApiProblem.unprocessable("the result is larger than " + MAX_RESULT_BYTES / 1024
                    + " KiB: ask for fewer items (limit) or narrow the question"));
        }
        return CallToolResult.builder().structuredContent(structured).addTextContent(text).isError(false).build();
    }

    /** The problem as the API would state it: status, title and detail, each invalid field, and the extras. */
    private CallToolResult failure(ApiProblem problem) {
        StringBuilder text = new StringBuilder().append(problem.status()).append(' ').append(problem.title())
                .append(": ").append(problem.getMessage());
        List<FieldError> errors = problem.errors();
        if (errors.size() > 1) {
            text.append(" (").append(errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; "))).append(')');
        }
        if (!problem.extensions().isEmpty()) {
            try {
                text.append(' ').append(json.writeValueAsString(problem.extensions()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a problem's extensions are not serialisable", e);
            }
        }
        return CallToolResult.builder().addTextContent(text.toString()).isError(true).build();
    }
}
