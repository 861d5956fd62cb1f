package com.campaignmanager.local.dataapi;

import com.campaignmanager.local.dataapi.engine.DataApiService;
import com.campaignmanager.local.dataapi.http.JsonExchange;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.RequestReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Data API's HTTP surface: POST /Execute, /BatchExecute, /BeginTransaction, /CommitTransaction and
 * /RollbackTransaction, each with any injected fault applied before or after the operation. The SigV4 signature
 * and the Content-Type (application/json or application/x-amz-json-1.1) are not checked.
 */
final class DataApiRoutes implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(DataApiRoutes.class.getName());

    private final Map<String, Operation> operations;
    private final FaultInjector faults;
    private final ObjectMapper json;

    DataApiRoutes(DataApiService service, FaultInjector faults, ObjectMapper json) {
        RequestReader reader = new RequestReader();
        this.operations = Map.of(
                "/Execute", new Operation("ExecuteStatement",
                        body -> service.executeStatement(reader.executeStatement(body))),
                "/BatchExecute", new Operation("BatchExecuteStatement",
                        body -> service.batchExecuteStatement(reader.batchExecuteStatement(body))),
                "/BeginTransaction", new Operation("BeginTransaction",
                        body -> service.beginTransaction(reader.beginTransaction(body))),
                "/CommitTransaction", new Operation("CommitTransaction",
                        body -> service.commitTransaction(reader.endTransaction(body))),
                "/RollbackTransaction", new Operation("RollbackTransaction",
                        body -> service.rollbackTransaction(reader.endTransaction(body))));
        this.faults = faults;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange httpExchange) throws IOException {
        JsonExchange exchange = new JsonExchange(httpExchange, json);
        try {
            exchange.respond(200, dispatch(exchange));
        } catch (DataApiException e) {
            exchange.respondError(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure in " + exchange.path(), e);
            exchange.respondError(DataApiException.internalError("Unexpected failure: " + e));
        } finally {
            httpExchange.close();
        }
    }

    private Object dispatch(JsonExchange exchange) throws IOException {
        if ("/ExecuteSql".equals(exchange.path())) {
            throw DataApiException.badRequest(
                    "This API is deprecated and not available. Use ExecuteStatement API instead");
        }
        Operation operation = operations.get(exchange.path());
        if (operation == null || !"POST".equals(exchange.method())) {
            throw new DataApiException("UnknownOperationException", 404,
                    "No operation at " + exchange.method() + " " + exchange.path());
        }
        JsonNode body = exchange.readBody();
        Optional<FaultInjector.Claimed> fault = faults.claim(operation.name());
        if (fault.isPresent() && !fault.get().afterExecution()) {
            throw asError(fault.get().fault());
        }
        Object result;
        try {
            result = operation.run().apply(body);
        } catch (DataApiException e) {
            if (fault.isPresent()) {
                throw asError(fault.get().fault()); // the response is lost either way
            }
            throw e;
        }
        if (fault.isPresent()) {
            throw asError(fault.get().fault()); // carried out, but the caller never hears so
        }
        return result;
    }

    private static DataApiException asError(DataApiFault fault) {
        return new DataApiException(fault.errorType(), fault.httpStatus(), fault.message(),
                fault == DataApiFault.STATEMENT_TIMEOUT ? Long.valueOf(0) : null);
    }

    private record Operation(String name, Function<JsonNode, Object> run) {
    }
}
