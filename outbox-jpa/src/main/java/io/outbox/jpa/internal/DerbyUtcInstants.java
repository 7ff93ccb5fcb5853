package io.outbox.jpa.internal;

import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * On Derby, stores every {@link Instant} attribute as UTC wall-clock time. EclipseLink would
 * store the JVM zone's wall-clock time, so a store written in one time zone would read
 * shifted in another. Applied to the outbox event and to the apps' entities alike.
 */
public final class DerbyUtcInstants implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectToFieldMapping direct && isInstant(descriptor.getJavaClass(),
                        mapping.getAttributeName())) {
                    direct.setConverter(new UtcConverter());
                }
            }
        }
    }

    private static boolean isInstant(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                return field.getType() == Instant.class;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return false;
    }

    /** Instant to and from a UTC wall-clock {@link Timestamp}. Stateless. */
    static final class UtcConverter implements Converter {
        private static final long serialVersionUID = 1L;

        @Override
        public Object convertObjectValueToDataValue(Object objectValue, Session session) {
            return objectValue == null ? null
                    : Timestamp.valueOf(LocalDateTime.ofInstant((Instant) objectValue, ZoneOffset.UTC));
        }

        @Override
        public Object convertDataValueToObjectValue(Object dataValue, Session session) {
            if (dataValue == null) {
                return null;
            }
            if (dataValue instanceof Timestamp timestamp) {
                return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
            }
            if (dataValue instanceof LocalDateTime local) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return dataValue;
        }

        @Override
        public boolean isMutable() {
            return false;
        }

        @Override
        public void initialize(DatabaseMapping mapping, Session session) {
            if (mapping instanceof DirectToFieldMapping direct) {
                direct.setFieldClassification(Timestamp.class);
            }
        }
    }
}
