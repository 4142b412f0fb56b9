package org.chuangwen.problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProblemSettings.class)
class ProblemsConfiguration {
}
