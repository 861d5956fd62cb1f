package com.campaignmanager.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.SamTemplate;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.http.ServesRoutes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the template's functions in this JVM, the way the Lambda Java runtime does: the handler class named in
 * template.yaml is instantiated once (a warm container) and every event goes in and out as JSON through Lambda's
 * own serializers, so a handler sees exactly what it would see on AWS. Each function's initialisation and
 * invocations see its own variables only ({@link Environment#withVariables}), as if it had a JVM of its own.
 */
public final class InProcessFunctions {
    private final SamTemplate template;
    private final Map<String, Map<String, String>> variables;
    private final Map<String, LoadedHandler> handlers = new ConcurrentHashMap<>();

    /** {@code variables}: each function's, by logical id; a function without an entry sees none. */
    public InProcessFunctions(SamTemplate template, Map<String, Map<String, String>> variables) {
        this.template = template;
        this.variables = Map.copyOf(variables);
    }

    public SamTemplate template() {
        return template;
    }

    /** Invokes the function with an event (JSON) and returns its response (JSON). */
    public byte[] invoke(String logicalId, byte[] event) throws FunctionError {
        FunctionDefinition function = function(logicalId);
        Context context = new LocalContext(UUID.randomUUID().toString(), logicalId, function.timeoutSeconds());
        try {
            return Environment.withVariables(variables(function), () -> handler(function).invoke(event, context));
        } catch (RuntimeException | Error | IOException e) {
            throw new FunctionError(e.getClass().getName(), e.getMessage(), e);
        }
    }

    /** The route keys the function's handler serves, or empty when it serves none ({@link ServesRoutes}). */
    public Optional<Set<String>> routeKeys(String logicalId) throws FunctionError {
        FunctionDefinition function = function(logicalId);
        try {
            return Environment.withVariables(variables(function), () ->
                    handler(function).instance() instanceof ServesRoutes routed
                            ? Optional.of(Set.copyOf(routed.routeKeys())) : Optional.empty());
        } catch (RuntimeException | Error e) {
            throw new FunctionError(e.getClass().getName(), e.getMessage(), e);
        }
    }

    private FunctionDefinition function(String logicalId) throws FunctionError {
        return template.function(logicalId).orElseThrow(() -> new FunctionError("ResourceNotFoundException",
                "no function " + logicalId + " in template.yaml", null));
    }

    private Map<String, String> variables(FunctionDefinition function) {
        return variables.getOrDefault(function.logicalId(), Map.of());
    }

    /** Loaded on first use, within the function's variables: its class initialiser reads them. */
    private LoadedHandler handler(FunctionDefinition function) {
        return handlers.computeIfAbsent(function.logicalId(), id -> LoadedHandler.load(function));
    }

    /** A handler instance and how to feed it. */
    private record LoadedHandler(Object instance, PojoSerializer<Object> input) {

        static LoadedHandler load(FunctionDefinition function) {
            Object instance;
            try {
                // As the Lambda runtime does: the class named by Handler, through its public no-argument constructor.
                Class<?> type = Class.forName(function.handlerClass());
                instance = type.getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(function.logicalId() + ": handler failed to initialise: "
                        + e.getCause(), e.getCause());
            } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
                // Its static initialiser failed, now or on an earlier call (then the cause names the first error).
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException(function.logicalId() + ": handler failed to initialise: " + cause,
                        cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(function.logicalId() + ": cannot load handler "
                        + function.handler() + ": " + e, e);
            }
            if (instance instanceof RequestStreamHandler) {
                return new LoadedHandler(instance, null);
            }
            if (instance instanceof RequestHandler<?, ?>) {
                return new LoadedHandler(instance, serializerFor(inputType(instance.getClass())));
            }
            throw new IllegalStateException(function.handler() + " is neither a RequestHandler nor a RequestStreamHandler");
        }

        @SuppressWarnings("unchecked")
        byte[] invoke(byte[] event, Context context) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (instance instanceof RequestStreamHandler streamHandler) {
                streamHandler.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            }
            Object request = input.fromJson(new ByteArrayInputStream(event));
            Object response = ((RequestHandler<Object, Object>) instance).handleRequest(request, context);
            if (response == null) {
                return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            serializerFor(response.getClass()).toJson(response, out);
            return out.toByteArray();
        }

        private static Class<?> inputType(Class<?> handlerClass) {
            for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
                for (Type candidate : type.getGenericInterfaces()) {
                    if (candidate instanceof ParameterizedType parameterized
                            && parameterized.getRawType() == RequestHandler.class) {
                        Type input = parameterized.getActualTypeArguments()[0];
                        if (input instanceof Class<?> inputClass) {
                            return inputClass;
                        }
                        if (input instanceof ParameterizedType generic) {
                            return (Class<?>) generic.getRawType();
                        }
                    }
                }
            }
            return Object.class;
        }

        @SuppressWarnings("unchecked")
        private static PojoSerializer<Object> serializerFor(Class<?> type) {
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type,
                        InProcessFunctions.class.getClassLoader());
            }
            return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
        }
    }
}
