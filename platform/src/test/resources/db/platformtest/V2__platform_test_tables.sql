-- Effects of the platform test application's command listener (a service's own tables start at V2).
create table handled_command (
    message_id  text        primary key,
    payment_id  text        not null,
    handled_at  timestamptz not null default now()
);
