package org.chuangwen.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /open311/v2/**} is public, stateless and without CSRF tokens (third-party apps post forms from elsewhere):
 * reading needs nothing, posting needs an API key (checked by {@link Open311Requests}), and every call is throttled.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(0)
	SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/v2/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}
}
