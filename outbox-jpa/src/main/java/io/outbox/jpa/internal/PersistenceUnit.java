package io.outbox.jpa.internal;

import io.outbox.jpa.Dialect;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.eclipse.persistence.jpa.PersistenceProvider;

import javax.sql.DataSource;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * EclipseLink configured in code, without persistence.xml: each factory has its own session
 * name and no shared cache, so several factories (in one JVM or many) see each other's writes.
 */
public final class PersistenceUnit {
    private PersistenceUnit() {
    }

    /** A persistence unit on {@code dataSource} that maps the app's entity classes. */
    public static EntityManagerFactory create(DataSource dataSource, Dialect dialect, List<Class<?>> appEntities) {
        List<String> classes = new ArrayList<>();
        appEntities.forEach(c -> classes.add(c.getName()));
        String name = "outbox-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.session-name", name);
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.jdbc.allow-partial-bind-parameters", "true");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", "100");
        properties.put("eclipselink.target-database", dialect.eclipseLinkPlatform());
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.logger", Slf4jSessionLog.class.getName());
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        if (dialect == Dialect.DERBY) {
            properties.put("eclipselink.session.customizer", DerbyUtcInstants.class.getName());
        }
        return new PersistenceProvider().createContainerEntityManagerFactory(new Info(name, classes, dataSource),
                properties);
    }

    /** The unit's description, as a container would give it. */
    private record Info(String name, List<String> classes, DataSource dataSource) implements PersistenceUnitInfo {
        @Override
        public String getPersistenceUnitName() {
            return name;
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public String getScopeAnnotationName() {
            return null;
        }

        @Override
        public List<String> getQualifierAnnotationNames() {
            return List.of();
        }

        @Override
        @SuppressWarnings("deprecation")
        public jakarta.persistence.spi.PersistenceUnitTransactionType getTransactionType() {
            return jakarta.persistence.spi.PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return PersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        public List<String> getManagedClassNames() {
            return classes;
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.2";
        }

        @Override
        public ClassLoader getClassLoader() {
            return PersistenceUnit.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // weaving is off
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return getClassLoader();
        }
    }
}
