# The administrators' queues (association claims, service counsellors, reports, email,
# audit trail) and what people ask the administrators for.

admin-nav = Administration
admin-nav-associations = Associations
admin-nav-claims = Claims
admin-nav-counsellors = Service counsellors
admin-nav-reports = Reports
admin-nav-emails = Email
admin-nav-audit = Audit trail
admin-queue-empty = Nothing to handle.
admin-received = Received
admin-decided = Handled
admin-approve = Approve
admin-reject = Reject
admin-revoke = Revoke the role
admin-reason = Reason
admin-reason-hint = The user is emailed the reason.
admin-reject-reason-of = Reason for rejecting ({ $name })
admin-revoke-reason-of = Reason for revoking ({ $name })
admin-actions = Actions
field-reason-required = Tell the user briefly why.

admin-claims-title = Association claims
admin-claims-count = { $count ->
    [one] 1 claim
   *[other] { $count } claims
}
admin-claimant = Claimant
admin-claim-justification = Justification
claim-status-pending = pending
claim-status-approved = approved
claim-status-rejected = rejected

admin-counsellors-title = Service counsellors
admin-counsellors-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}
counsellor-status-pending = pending requests
counsellor-status-approved = counsellors
counsellor-status-rejected = rejected
counsellor-status-revoked = role revoked
counsellor-organisation = Organisation
counsellor-job-title = Job title
counsellor-municipality = Municipality where you work
counsellor-work-email = Work email

admin-reports-title = Reports of inappropriate content
admin-reports-count = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
report-status-open = open
report-status-closed = closed
report-target-task = Task
report-target-association = Association
report-target-deleted = (deleted)
report-target-state = State now
report-task-hidden = taken down
report-reason = Reason
report-reason-inappropriate_for_minors = inappropriate for young people
report-reason-asks_for_money = asks for money
report-reason-not_real = not genuine
report-reason-other = other reason
report-reporter = Reported by
report-anonymous = anonymous
report-signed-in = a signed-in user (told the outcome)
report-details = What the reporter wrote
report-outcome = Outcome
report-outcome-of = Outcome: { $name }
report-outcome-no_action = no action
report-outcome-task_hidden = task taken down
report-outcome-association_suspended = association suspended
report-outcome-user_suspended = user account suspended
report-note = Note for the administrators
report-note-hint = Optional. The reporter does not see it; they are only told whether action was taken.
report-close = Close the report
report-hide-task = Take the task down
report-restore-task = Put the task back
report-suspend-association = Suspend the association
field-outcome-not_a_task = Only a report of a task can end with the task taken down.

admin-emails-title = Email
admin-emails-count = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
admin-emails-masked = Only the first character and the domain of each recipient are shown.
email-status-failed = failed
email-status-pending = queued
email-status-sent = sent
email-subject = Subject
email-recipient = Recipient
email-kind = Kind of message
email-attempts = Attempts
email-last-error = Last error
email-retry = Send again

admin-audit-title = Audit trail
admin-audit-count = { $count ->
    [one] 1 event
   *[other] { $count } events
}
audit-when = When
audit-actor = By
audit-actor-service = the service itself
audit-action = Action
audit-any-action = All actions
audit-target = Target
audit-detail = Detail
audit-id-hint = The whole identifier (id).
audit-from = From (day)
audit-to = To (day)
audit-filter = Show
audit-clear = Clear the filters
audit-filter-by-target = Show the events of this target
audit-filter-by-actor = Show the events by this person
audit-open-page = open its page
audit-action-association_verified = association verified
audit-action-association_suspended = association suspended
audit-action-claim_approved = claim approved
audit-action-claim_rejected = claim rejected
audit-action-associations_imported = associations imported
audit-action-counsellor_approved = counsellor approved
audit-action-counsellor_rejected = counsellor request rejected
audit-action-counsellor_revoked = counsellor role revoked
audit-action-member_invited = member invited
audit-action-member_joined = member joined
audit-action-member_role_changed = member's role changed
audit-action-member_removed = membership ended
audit-action-record_check_entered = criminal-record extract marked seen
audit-action-email_retried = email sent again
audit-action-account_erased = account erased
audit-action-task_hidden = task taken down
audit-action-task_restored = task put back
audit-action-user_suspended = user account suspended
audit-action-user_reinstated = user account reinstated
audit-action-report_closed = report closed
audit-target-association = association
audit-target-claim = claim
audit-target-counsellor_request = counsellor request
audit-target-invitation = invitation
audit-target-user = user
audit-target-signup = sign-up
audit-target-email = email
audit-target-batch = import batch
audit-target-task = task
audit-target-report = report

counsellor-request-title = Service counsellor role
counsellor-request-intro = A service counsellor (in youth services, Ohjaamo, a welfare station or social work, for example) can find tasks for their clients and refer them. The administrators check every request.
counsellor-request-state = Your request
counsellor-request-sent = Your request was sent. You will get an email when the administrators have handled it.
counsellor-request-again = Send a new request
counsellor-request-send = Send the request
counsellor-mine-pending = waiting for the administrators' decision
counsellor-mine-approved = approved: you are a service counsellor
counsellor-mine-rejected = not approved
counsellor-mine-revoked = role revoked
counsellor-organisation-hint = For example "City of Lappeenranta youth services, Ohjaamo".
counsellor-choose-municipality = Choose a municipality
counsellor-work-email-hint = Optional. Helps the administrators check that you work for the organisation.
problem-counsellor-request-open = You already have a request waiting for a decision, or the counsellor role.

claim-cta-title = Do you represent this association?
claim-cta-text = Nobody manages this association on Talkoot yet. Someone who represents it can take it over once the administrators approve their request.
claim-cta-link = Ask to manage this association
claim-intro = Tell us how you represent the association. The administrators check the request and email you their decision. If it is approved, you become the association's owner.
claim-justification = How do you represent the association?
claim-justification-hint = For example your role in the association and since when, 10–2000 characters.
field-justification-invalid = Tell in 10–2000 characters how you represent the association.
claim-send = Send the request
claim-not-claimable = This association already has people managing it. Ask them to invite you.
claim-back = Back to the association's page
claim-sent-title = Request sent
claim-sent = Your request to manage { $name } was sent to the administrators. You will get their decision by email.
admin-user-title = User account
admin-user-name = Name
admin-user-since = Created
admin-user-state = State
admin-user-active = active
admin-user-unverified = email address not confirmed
admin-user-suspended-at = suspended { $time }
admin-user-is-admin = administrator
admin-user-audit = The account's events in the audit trail
admin-user-suspend-hint = A suspended account cannot log in, and all its sessions end at once.
admin-user-suspend = Suspend the account
admin-user-reinstate = Lift the suspension
