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
        wants_support -> Bool,
        calendar_token_hash -> Nullable<Text>,
        suspended_at -> Nullable<Timestamp>,
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
        browser_token_hash -> Nullable<Text>,
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
        actor_id -> Nullable<Text>,
        topic -> Nullable<Text>,
        list_unsubscribe -> Nullable<Text>,
        retried_at -> Nullable<Timestamp>,
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
    associations,
    association_members,
    association_invitations,
    association_services,
    association_claims,
    tasks,
    task_categories,
    signups,
    signup_events,
    volunteer_records,
    counsellor_requests,
    referrals,
    search_changes,
    referral_events,
    saved_searches,
    association_follows,
    alert_matches,
    alert_digests,
    reports,
);

diesel::table! {
    associations (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        register_number -> Nullable<Text>,
        business_id -> Nullable<Text>,
        municipality_code -> Text,
        field_of_activity -> Nullable<Text>,
        status -> Text,
        summary -> Nullable<Text>,
        description -> Nullable<Text>,
        activities -> Nullable<Text>,
        target_groups -> Nullable<Text>,
        how_to_join -> Nullable<Text>,
        membership_fee -> Nullable<Text>,
        contact_person -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        website -> Nullable<Text>,
        social_links -> Text,
        meeting_address -> Nullable<Text>,
        languages -> Text,
        accessibility -> Nullable<Text>,
        logo_url -> Nullable<Text>,
        founding_year -> Nullable<Integer>,
        version -> Integer,
        imported -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        verified_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    association_members (association_id, user_id) {
        association_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    association_invitations (id) {
        id -> Text,
        association_id -> Text,
        email -> Text,
        role -> Text,
        invited_by -> Nullable<Text>,
        created_at -> Timestamp,
        token_hash -> Text,
        status -> Text,
        emailed_at -> Timestamp,
        expires_at -> Timestamp,
        responded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    association_services (id) {
        id -> Text,
        association_id -> Text,
        name -> Text,
        description -> Nullable<Text>,
        target_group -> Nullable<Text>,
        price -> Nullable<Text>,
        how_to_get -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    association_claims (id) {
        id -> Text,
        association_id -> Text,
        user_id -> Text,
        justification -> Text,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(associations -> municipalities (municipality_code));
diesel::joinable!(association_members -> associations (association_id));
diesel::joinable!(association_members -> users (user_id));
diesel::joinable!(association_invitations -> associations (association_id));
diesel::joinable!(association_services -> associations (association_id));
diesel::joinable!(association_claims -> associations (association_id));

diesel::table! {
    tasks (id) {
        id -> Text,
        association_id -> Text,
        title -> Text,
        description -> Text,
        municipality_code -> Nullable<Text>,
        address -> Nullable<Text>,
        remote_online -> Bool,
        remote_phone -> Bool,
        schedule_type -> Text,
        starts_at -> Nullable<Timestamp>,
        ends_at -> Nullable<Timestamp>,
        estimated_hours -> Nullable<Double>,
        spots -> Nullable<Integer>,
        approval_mode -> Text,
        waitlist -> Bool,
        min_age -> Nullable<Integer>,
        max_age -> Nullable<Integer>,
        languages -> Text,
        beginner_friendly -> Bool,
        supported -> Bool,
        criminal_record_check -> Bool,
        application_deadline -> Nullable<Timestamp>,
        contact_person -> Nullable<Text>,
        placement -> Nullable<Text>,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        accepted_count -> Integer,
        roster_sent_at -> Nullable<Timestamp>,
        hidden_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    task_categories (task_id, category_slug) {
        task_id -> Text,
        category_slug -> Text,
    }
}

diesel::joinable!(tasks -> associations (association_id));
diesel::joinable!(task_categories -> tasks (task_id));

diesel::table! {
    signups (id) {
        id -> Text,
        task_id -> Text,
        volunteer_id -> Nullable<Text>,
        message -> Nullable<Text>,
        status -> Text,
        referral_id -> Nullable<Text>,
        hours -> Nullable<Double>,
        record_checked_on -> Nullable<Date>,
        record_checked_by -> Nullable<Text>,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        completed_at -> Nullable<Timestamp>,
        completed_by -> Nullable<Text>,
        cancelled_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        volunteer_rating -> Nullable<Integer>,
        volunteer_comment -> Nullable<Text>,
        volunteer_feedback_at -> Nullable<Timestamp>,
        association_rating -> Nullable<Integer>,
        association_comment -> Nullable<Text>,
        association_feedback_at -> Nullable<Timestamp>,
        association_feedback_by -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        erased_age_band -> Nullable<Text>,
        erased_gender -> Nullable<Text>,
    }
}

diesel::table! {
    signup_events (id) {
        id -> Text,
        signup_id -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    volunteer_records (user_id) {
        user_id -> Text,
        code -> Text,
        share_name -> Bool,
        share_tasks -> Bool,
        share_hours -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(signups -> tasks (task_id));
diesel::joinable!(signups -> users (volunteer_id));
diesel::joinable!(signup_events -> signups (signup_id));
diesel::joinable!(volunteer_records -> users (user_id));

diesel::table! {
    jobs (id) {
        id -> Text,
        kind -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        run_at -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        first_due_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    counsellor_requests (id) {
        id -> Text,
        user_id -> Text,
        organisation -> Text,
        title -> Text,
        municipality_code -> Text,
        work_email -> Nullable<Text>,
        status -> Text,
        reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        action -> Text,
        target_kind -> Text,
        target_id -> Text,
        detail -> Text,
    }
}

diesel::table! {
    reports (id) {
        id -> Text,
        target_kind -> Text,
        target_id -> Text,
        reason -> Text,
        details -> Nullable<Text>,
        reporter_id -> Nullable<Text>,
        status -> Text,
        outcome -> Nullable<Text>,
        note -> Nullable<Text>,
        closed_by -> Nullable<Text>,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    search_changes (seq) {
        seq -> BigInt,
        entity -> Text,
        entity_id -> Text,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    referrals (id) {
        id -> Text,
        counsellor_id -> Nullable<Text>,
        client_id -> Nullable<Text>,
        client_email -> Nullable<Text>,
        claim_hash -> Nullable<Text>,
        claimed_at -> Nullable<Timestamp>,
        task_id -> Nullable<Text>,
        association_id -> Text,
        service_id -> Nullable<Text>,
        note -> Nullable<Text>,
        status -> Text,
        share_progress -> Bool,
        consent_changed_at -> Nullable<Timestamp>,
        client_message -> Nullable<Text>,
        decline_reason -> Nullable<Text>,
        signup_id -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        organisation -> Nullable<Text>,
    }
}

diesel::table! {
    referral_events (id) {
        id -> Text,
        referral_id -> Text,
        event -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::joinable!(counsellor_requests -> municipalities (municipality_code));
diesel::joinable!(referrals -> associations (association_id));
diesel::joinable!(referral_events -> referrals (referral_id));

diesel::table! {
    saved_searches (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        query -> Text,
        alert -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    association_follows (user_id, association_id) {
        user_id -> Text,
        association_id -> Text,
        created_at -> Timestamp,
        alerts -> Bool,
    }
}

diesel::joinable!(saved_searches -> users (user_id));
diesel::joinable!(association_follows -> users (user_id));
diesel::joinable!(association_follows -> associations (association_id));

diesel::table! {
    alert_matches (id) {
        id -> Text,
        user_id -> Text,
        task_id -> Text,
        source_kind -> Text,
        source_id -> Text,
        alert -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    alert_digests (user_id, alert) {
        user_id -> Text,
        alert -> Text,
        due_at -> Timestamp,
    }
}

diesel::joinable!(alert_matches -> users (user_id));
diesel::joinable!(alert_matches -> tasks (task_id));
diesel::joinable!(alert_digests -> users (user_id));
