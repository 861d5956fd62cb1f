package com.campaignmanager.shared.json;

import com.campaignmanager.shared.db.StorableTime;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The JavaTimeModule's readers for the times a body may carry, refusing those outside {@link StorableTime}, so that
 * {@code "+999999999-12-31T00:00:00Z"} is a 400 naming its field rather than a value the database refuses.
 */
final class BoundedTimes extends SimpleModule {
    BoundedTimes() {
        super("BoundedTimes");
        addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
                OffsetDateTime::toInstant));
        addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT, instant -> instant));
        addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                date -> date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static final class Bounded<T> extends StdDeserializer<T> implements ContextualDeserializer {
        private final JsonDeserializer<T> reader;
        private final Function<T, Instant> instant;

        Bounded(Class<T> type, JsonDeserializer<T> reader, Function<T, Instant> instant) {
            super(type);
            this.reader = reader;
            this.instant = instant;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            if (value != null && !StorableTime.holds(instant.apply(value))) {
                // Jackson wraps it with the field's path; ApiRequest answers with this message.
                throw new IllegalArgumentException(StorableTime.RANGE);
            }
            return value;
        }

        /** Keeps what the wrapped reader takes from the property ({@code @JsonFormat}). */
        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = reader instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : reader;
            return new Bounded<>((Class<T>) handledType(), (JsonDeserializer<T>) contextual, instant);
        }
    }
}
