package com.campaignmanager.shared.audience.segments;

import java.util.Arrays;
import java.util.Optional;

/** What a condition tests, by its wire name ({@code "notEquals"}). */
public enum Operator {
    EQUALS("equals"), NOT_EQUALS("notEquals"), IN("in"), NOT_IN("notIn"), CONTAINS("contains"), EXISTS("exists"),
    BEFORE("before"), AFTER("after");

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operator> fromWire(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    /** The wire names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Operator::wireName).toList());
    }
}
