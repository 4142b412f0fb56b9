-- Accounts administration: the user list filters by role, and by display name (case-insensitive prefix or part).
create index user_role_role on user_role (role, user_id);
create index user_account_display_name on user_account (lower(display_name));
