package org.chuangwen.system;

import org.chuangwen.organisation.UserAccounts.AccountAccessRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of an account whose access was narrowed (disabled, roles or binding changed, password
 * reset), so the next request signs in again with what the account now may do. Runs after the change commits; the
 * event publication registry retries it after a crash.
 */
@Component
class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@ApplicationModuleListener
	void on(AccountAccessRevoked event) {
		var open = sessions.findByPrincipalName(event.username());
		open.keySet().forEach(sessions::deleteById);
		if (!open.isEmpty()) {
			log.info("Ended {} session(s) of {} after a change of access", open.size(), event.username());
		}
	}
}
