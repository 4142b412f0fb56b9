package org.chuangwen.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security filters run inside Spring Security's chains only, not a second time as plain servlet filters. */
@Configuration(proxyBeanMethods = false)
class SecurityFilterRegistrations {

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<PasswordChangeGate> passwordChangeGateRegistration(PasswordChangeGate filter) {
		return disabled(filter);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> disabled(F filter) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}
}
