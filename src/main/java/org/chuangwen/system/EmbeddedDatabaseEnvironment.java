package org.chuangwen.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything connects: {@code CHUANGWEN_DB_URL} (with {@code CHUANGWEN_DB_USER} /
 * {@code CHUANGWEN_DB_PASSWORD}) or {@code spring.datasource.url} select an external PostgreSQL; otherwise the
 * embedded PostgreSQL is started and the datasource points at it. Runs after the config files are read.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
		EmbeddedDatabase.log = logs.getLog(EmbeddedDatabase.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		String external = environment.getProperty("CHUANGWEN_DB_URL");
		if (StringUtils.hasText(external)) {
			properties.put("spring.datasource.url", external);
			putIfPresent(environment, properties, "CHUANGWEN_DB_USER", "spring.datasource.username");
			putIfPresent(environment, properties, "CHUANGWEN_DB_PASSWORD", "spring.datasource.password");
		}
		else if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			boolean durable = environment.getProperty("chuangwen.db.embedded.durable", Boolean.class, true);
			Path dataDir = Path.of(environment.getProperty("chuangwen.data-dir", "data"));
			EmbeddedDatabase database = EmbeddedDatabase.startOnce(dataDir, durable);
			application.addInitializers(context -> context.addBeanFactoryPostProcessor(new LeaseRegistration(database)));
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("chuangwenDatabase", properties));
		}
	}

	private static void putIfPresent(ConfigurableEnvironment environment, Map<String, Object> properties, String from, String to) {
		String value = environment.getProperty(from);
		if (StringUtils.hasText(value)) {
			properties.put(to, value);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Registers a bean that holds the embedded server for the application context and makes the datasource depend on
	 * it, so the server is released only after the datasource (and everything using it) has been destroyed.
	 */
	private record LeaseRegistration(EmbeddedDatabase database) implements BeanDefinitionRegistryPostProcessor {

		private static final String LEASE = "chuangwenEmbeddedDatabaseLease";

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			RootBeanDefinition lease = new RootBeanDefinition(Lease.class, () -> new Lease(database));
			registry.registerBeanDefinition(LEASE, lease);
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				String[] dependsOn = definition.getDependsOn();
				java.util.List<String> all = new java.util.ArrayList<>(dependsOn == null ? java.util.List.of() : java.util.List.of(dependsOn));
				all.add(LEASE);
				definition.setDependsOn(all.toArray(String[]::new));
			}
		}
	}

	/** Releases the embedded server when destroyed, after the datasource that depends on it. */
	static final class Lease implements DisposableBean {

		private final EmbeddedDatabase database;

		Lease(EmbeddedDatabase database) {
			this.database = database;
		}

		@Override
		public void destroy() {
			database.release();
		}
	}
}
