package org.chuangwen;

import java.util.List;

import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Named fixtures on the demo city: its accounts (one per role) as actors and as signed-in requests. */
@Component
public class Fixtures {

	public static final String PASSWORD = DemoCity.DEMO_PASSWORD;

	private final UserAccounts accounts;

	public Fixtures(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/** The demo account with this username as an actor: office, district_office, leader, unit_admin, … */
	public Actor actor(String username) {
		return accounts.actorFor(username);
	}

	public Actor cityOffice() {
		return actor("office");
	}

	public Actor districtOffice() {
		return actor("district_office");
	}

	public Actor urbanManagementAdmin() {
		return actor("unit_admin");
	}

	/** A MockMvc request signed in as the demo account with this username. */
	public RequestPostProcessor signedInAs(String username) {
		return signedIn(actor(username));
	}

	public static RequestPostProcessor signedIn(Actor actor) {
		List<GrantedAuthority> authorities = actor.roles()
			.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return authentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
	}
}
