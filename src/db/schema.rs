//! Diesel table definitions, written by hand to match both `migrations/sqlite` and
//! `migrations/postgres`: the two backends share one schema so that every query is written
//! once against [`crate::db::DbConnection`].

diesel::table! {
    regions (code) {
        code -> Text,
        name_fi -> Text,
        name_sv -> Text,
    }
}

diesel::table! {
    municipalities (code) {
        code -> Text,
        name_fi -> Text,
        name_sv -> Text,
        region_code -> Text,
    }
}

diesel::table! {
    categories (slug) {
        slug -> Text,
        name_fi -> Text,
        name_sv -> Text,
        name_en -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        birth_date -> Nullable<Date>,
        municipality_code -> Nullable<Text>,
        language -> Text,
        gender -> Nullable<Text>,
        email_verified_at -> Nullable<Timestamp>,
        is_admin -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    user_interests (user_id, category_slug) {
        user_id -> Text,
        category_slug -> Text,
    }
}

diesel::table! {
    user_availability (user_id, slot) {
        user_id -> Text,
        slot -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Text,
        session_id -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_tokens (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        purpose -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (account_key) {
        account_key -> Text,
        window_start -> Timestamp,
        failures -> Integer,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        user_id -> Nullable<Text>,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(municipalities -> regions (region_code));
diesel::joinable!(users -> municipalities (municipality_code));
diesel::joinable!(user_interests -> users (user_id));
diesel::joinable!(user_interests -> categories (category_slug));
diesel::joinable!(user_availability -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(email_tokens -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    regions,
    municipalities,
    categories,
    users,
    user_interests,
    user_availability,
    sessions,
    refresh_tokens,
    email_tokens,
    login_throttle,
    outbox,
);
