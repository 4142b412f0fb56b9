/**
 * The accounts' web edge: the token and "me" API, the user administration pages (/admin/users) and the password
 * policy page (/admin/password-policy). Controllers only translate; the rules live in
 * {@link org.chuangwen.organisation.UserAccounts}.
 */
package org.chuangwen.organisation.web.accounts;
