package org.chuangwen.system;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration implements WebMvcConfigurer {

	/** The city's clock: all times are taken from here, so tests can fix it. */
	@Bean
	Clock clock(@Value("${chuangwen.time-zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

	/**
	 * Pages: Simplified Chinese unless the user chose English (the {@code lang} parameter, kept in a cookie). API:
	 * {@code Accept-Language: en} for English messages, Chinese otherwise.
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("chuangwen-lang");
		resolver.setDefaultLocaleFunction(request -> {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				// pages speak Chinese until the user switches, whatever the browser's language
				return Locale.SIMPLIFIED_CHINESE;
			}
			String header = request.getHeader("Accept-Language");
			if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
				return Locale.ENGLISH;
			}
			return Locale.SIMPLIFIED_CHINESE;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	@Bean
	OpenAPI chuangwenOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Chuangwen API")
				.version("v1")
				.description("创文 — the campaign office's HTTP JSON API. Obtain a token with POST /api/v1/auth/token "
						+ "and send it as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
