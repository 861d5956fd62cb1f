package com.campaignmanager.shared.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * An enum stored as text: its value in the database (and in JSON) is {@link #stored()}, the very text a CHECK
 * constraint allows. {@code StoredTextTest} compares each such enum with its constraint.
 */
public interface StoredText {
    @JsonValue
    String stored();

    /** The constant stored as {@code text}; a value the database should never hold is a bug, not a 400. */
    static <E extends Enum<E> & StoredText> E of(Class<E> type, String text) {
        return find(type, text).orElseThrow(() -> new IllegalStateException(
                "'" + text + "' is not a " + type.getSimpleName()));
    }

    /** The constant written as {@code text} by a caller, if there is one. */
    static <E extends Enum<E> & StoredText> Optional<E> find(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.stored().equals(text)).findFirst();
    }

    /** The stored texts of all constants, for messages such as "must be draft, scheduled or …". */
    static <E extends Enum<E> & StoredText> String choices(Class<E> type) {
        String[] texts = Arrays.stream(type.getEnumConstants()).map(StoredText::stored).toArray(String[]::new);
        return texts.length == 1 ? texts[0]
                : String.join(", ", Arrays.copyOf(texts, texts.length - 1)) + " or " + texts[texts.length - 1];
    }
}
