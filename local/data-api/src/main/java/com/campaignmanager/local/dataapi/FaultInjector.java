package com.campaignmanager.local.dataapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the next calls fail with errors the real service can give, so that callers' handling of them (retries,
 * and never retrying an ambiguous write) can be tested. Faults are taken in the order they were added.
 */
public final class FaultInjector {
    static final Set<String> OPERATIONS = Set.of("ExecuteStatement", "BatchExecuteStatement", "BeginTransaction",
            "CommitTransaction", "RollbackTransaction");

    private final List<PendingFault> pending = new ArrayList<>();

    /** The next {@code count} calls of any operation fail before doing anything. */
    public void failNext(int count, DataApiFault fault) {
        failNext(count, fault, null, false);
    }

    /**
     * @param operation "ExecuteStatement", "BatchExecuteStatement", "BeginTransaction", "CommitTransaction",
     *     "RollbackTransaction", or null for any
     * @param afterExecution true: the call is carried out, then the error is returned (a lost response)
     */
    public void failNext(int count, DataApiFault fault, String operation, boolean afterExecution) {
        Objects.requireNonNull(fault, "fault");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation + "; expected one of " + OPERATIONS);
        }
        synchronized (pending) {
            pending.add(new PendingFault(fault, operation, afterExecution, count));
        }
    }

    public void clear() {
        synchronized (pending) {
            pending.clear();
        }
    }

    /** Takes one use of the first fault that applies to this operation, if any. */
    Optional<Claimed> claim(String operation) {
        synchronized (pending) {
            Iterator<PendingFault> faults = pending.iterator();
            while (faults.hasNext()) {
                PendingFault fault = faults.next();
                if (fault.operation == null || fault.operation.equals(operation)) {
                    if (--fault.remaining == 0) {
                        faults.remove();
                    }
                    return Optional.of(new Claimed(fault.fault, fault.afterExecution));
                }
            }
            return Optional.empty();
        }
    }

    /** A fault one call must answer with. */
    record Claimed(DataApiFault fault, boolean afterExecution) {
    }

    private static final class PendingFault {
        final DataApiFault fault;
        final String operation;
        final boolean afterExecution;
        int remaining;

        PendingFault(DataApiFault fault, String operation, boolean afterExecution, int remaining) {
            this.fault = fault;
            this.operation = operation;
            this.afterExecution = afterExecution;
            this.remaining = remaining;
        }
    }
}
