package com.fankeep.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The same JSON from one run to the next: a map or set without an order of its own ({@code Map.of}, {@code Map.copyOf},
 * {@code HashMap}, {@code Set.copyOf} — the iteration order of the first two changes with every JVM) is written sorted by
 * key; ordered ones (records' fields, {@code LinkedHashMap}, {@code TreeMap}, lists) as they are: in declared order.
 */
final class StableOrder {

    private StableOrder() {
    }

    /** {@code map} itself when it has an order; else its entries sorted by key (when the keys can be compared). */
    static Map<?, ?> of(Map<?, ?> map) {
        if (map instanceof SequencedMap<?, ?> || map instanceof EnumMap<?, ?> || map.size() < 2 || !comparable(map.keySet())) {
            return map;
        }
        return new TreeMap<>(map);
    }

    /** {@code values} itself when it has an order; a set without one, sorted (when its values can be compared). */
    static Collection<?> of(Collection<?> values) {
        if (!(values instanceof Set<?>) || values instanceof SequencedCollection<?> || values.size() < 2 || !comparable(values)) {
            return values;
        }
        return new TreeSet<>(values);
    }

    private static boolean comparable(Collection<?> values) {
        Class<?> kind = null;
        for (Object v : values) {
            if (!(v instanceof Comparable<?>) || (kind != null && v.getClass() != kind)) {
                return false;
            }
            kind = v.getClass();
        }
        return true;
    }

    /** Jackson's map and collection writers, given {@link #of} the value first. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("fankeep-stable-order");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                                                         JsonSerializer<?> serializer) {
                return new Sorting(serializer);
            }

            @Override
            public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type, BeanDescription bean,
                                                                JsonSerializer<?> serializer) {
                return new Sorting(serializer);
            }
        });
        return module;
    }

    /** Hands Jackson's own serializer the value in a stable order. */
    private static final class Sorting extends StdSerializer<Object> implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> inner;

        @SuppressWarnings("unchecked")
        Sorting(JsonSerializer<?> inner) {
            super(Object.class);
            this.inner = (JsonSerializer<Object>) inner;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            inner.serialize(stable(value), gen, provider);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return inner.isEmpty(provider, value);
        }

        private static Object stable(Object value) {
            if (value instanceof Map<?, ?> map) {
                return of(map);
            }
            return value instanceof Collection<?> c ? of(c) : value;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            JsonSerializer<?> made = inner instanceof ContextualSerializer c ? c.createContextual(provider, property) : inner;
            return made == inner ? this : new Sorting(made);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (inner instanceof ResolvableSerializer r) {
                r.resolve(provider);
            }
        }
    }
}
