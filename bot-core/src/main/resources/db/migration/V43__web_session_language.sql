-- The language a web chat visitor chose when opening the session (POST /chat/api/session {"language": "ko"}),
-- or the one their browser asked for: the bot speaks it to a visitor it does not know yet. Empty: not chosen.
alter table web_session add column language text not null default '';
