package org.chuangwen.system;

import java.util.List;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.UserAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Signs in against the accounts of the organisation module; the authenticated principal is the {@link Actor}. */
@Component
class ActorAuthenticationProvider implements AuthenticationProvider {

	private final UserAccounts accounts;

	ActorAuthenticationProvider(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		return switch (accounts.checkLogin(username, password)) {
			case OK -> authenticated(accounts.actorFor(username.trim()));
			case LOCKED -> throw new LockedException("locked");
			case DISABLED -> throw new DisabledException("disabled");
			case UNKNOWN, BAD_PASSWORD -> throw new BadCredentialsException("bad credentials");
		};
	}

	static UsernamePasswordAuthenticationToken authenticated(Actor actor) {
		List<GrantedAuthority> authorities = actor.roles()
			.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
