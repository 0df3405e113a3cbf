//! The one error type of the service, rendered as RFC 9457 `application/problem+json`.
//!
//! Handlers return `Result<_, AppError>`; actix's own failures (unknown route, wrong method,
//! oversized body) are rewritten into the same shape by [`problem_for_framework_errors`], so a
//! client never has to parse two error formats. Internal details are logged, never sent.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid input field, named by its JSON path (`birth_date`, `interests[2]`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Every problem type the API answers with, so that a slug is written once. The full `type`
/// URI is `urn:talkoot:problem:{slug}`; clients branch on it, so a slug never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemType {
    ValidationError,
    BadRequest,
    InvalidToken,
    Unauthorized,
    InvalidCredentials,
    EmailNotVerified,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    RateLimited,
    ServiceUnavailable,
    InternalError,
    IllegalTransition,
    TaskNotOpen,
    DeadlinePassed,
    TaskEnded,
    TaskFull,
    AlreadySignedUp,
    BirthDateMissing,
    TooYoung,
    TooOld,
    RecordCheckRequired,
    RecordCheckNotRequired,
    FeedbackAlreadyGiven,
    TaskNotStarted,
    SignupsOutOfAgeRange,
    InvitationForAnotherAddress,
    OwnerMustBeAdult,
    CounsellorRequestOpen,
    NotACounsellor,
    TooManyOpenReferrals,
    AssociationNotVerified,
    /// Erasing an account that is the last owner of an association (hand it over first).
    LastOwner,
    /// The password re-entered to confirm an irreversible action is wrong.
    WrongPassword,
    /// The administrators suspended the account: it cannot log in.
    AccountSuspended,
}

impl ProblemType {
    /// The stable kebab-case slug of the type.
    pub fn slug(self) -> &'static str {
        match self {
            Self::ValidationError => "validation-error",
            Self::BadRequest => "bad-request",
            Self::InvalidToken => "invalid-token",
            Self::Unauthorized => "unauthorized",
            Self::InvalidCredentials => "invalid-credentials",
            Self::EmailNotVerified => "email-not-verified",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::Conflict => "conflict",
            Self::PreconditionFailed => "precondition-failed",
            Self::RateLimited => "rate-limited",
            Self::ServiceUnavailable => "service-unavailable",
            Self::InternalError => "internal-error",
            Self::IllegalTransition => "illegal-transition",
            Self::TaskNotOpen => "task-not-open",
            Self::DeadlinePassed => "deadline-passed",
            Self::TaskEnded => "task-ended",
            Self::TaskFull => "task-full",
            Self::AlreadySignedUp => "already-signed-up",
            Self::BirthDateMissing => "birth-date-missing",
            Self::TooYoung => "too-young",
            Self::TooOld => "too-old",
            Self::RecordCheckRequired => "record-check-required",
            Self::RecordCheckNotRequired => "record-check-not-required",
            Self::FeedbackAlreadyGiven => "feedback-already-given",
            Self::TaskNotStarted => "task-not-started",
            Self::SignupsOutOfAgeRange => "signups-out-of-age-range",
            Self::InvitationForAnotherAddress => "invitation-for-another-address",
            Self::OwnerMustBeAdult => "owner-must-be-adult",
            Self::CounsellorRequestOpen => "counsellor-request-open",
            Self::NotACounsellor => "not-a-counsellor",
            Self::TooManyOpenReferrals => "too-many-open-referrals",
            Self::AssociationNotVerified => "association-not-verified",
            Self::LastOwner => "last-owner",
            Self::WrongPassword => "wrong-password",
            Self::AccountSuspended => "account-suspended",
        }
    }
}

/// Every way a request can fail. Each variant maps to one status and one problem `type`.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The body parsed but one or more fields are unacceptable (422).
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// The body is not JSON at all, or a query string is malformed (400).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A one-time token (verification, reset) is unknown, spent or expired (400).
    #[error("invalid or expired token")]
    InvalidToken,
    /// Missing, malformed, expired or revoked credentials (401).
    #[error("unauthorized")]
    Unauthorized,
    /// Wrong email or password; deliberately the same for both (401).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The account exists and the password is right, but the email is not confirmed (403).
    #[error("email not verified")]
    EmailNotVerified,
    /// Authenticated but not allowed (403).
    #[error("forbidden")]
    Forbidden,
    /// No such resource, or the caller may not know it exists (404).
    #[error("not found")]
    NotFound,
    /// A uniqueness or state conflict (409).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A business rule refuses the request (403 or 409). `code` becomes the problem type, so
    /// a client can tell a full task from a passed deadline without parsing prose; for a
    /// state-machine refusal, `current_status` names the state the resource is in.
    #[error("refused: {code:?}")]
    Refused {
        status: StatusCode,
        code: ProblemType,
        detail: String,
        current_status: Option<String>,
    },
    /// A 409 because of other resources, named by id in `conflicting` (the problem's
    /// extension member of that name), so that a client can show which ones stand in the
    /// way instead of parsing `detail`: the sign-ups an edit would leave out of the age
    /// range, for one.
    #[error("conflicts with {conflicting:?}: {code:?}")]
    ConflictsWith {
        code: ProblemType,
        detail: String,
        conflicting: Vec<String>,
    },
    /// `If-Match` names a version that is no longer current (412).
    #[error("precondition failed")]
    PreconditionFailed,
    /// Too many requests; retry after this many seconds (429).
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// The database (or another dependency) is unreachable right now (503).
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// A bug or an unexpected failure (500); the message is logged, not sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self::Internal(message.into())
    }

    /// A 409 for a rule about the resource's state (`task-full`, `deadline-passed`, …).
    pub fn rule(code: ProblemType, detail: impl Into<String>) -> Self {
        Self::Refused {
            status: StatusCode::CONFLICT,
            code,
            detail: detail.into(),
            current_status: None,
        }
    }

    /// A 403 for a rule about the caller (`too-young`, …): they may never do this here.
    pub fn ineligible(code: ProblemType, detail: impl Into<String>) -> Self {
        Self::Refused {
            status: StatusCode::FORBIDDEN,
            code,
            detail: detail.into(),
            current_status: None,
        }
    }

    /// A 409 for an action the state machine does not allow from `current`.
    pub fn illegal_transition(current: &str, action: &str) -> Self {
        Self::Refused {
            status: StatusCode::CONFLICT,
            code: ProblemType::IllegalTransition,
            detail: format!("A sign-up that is {current} cannot be {action}."),
            current_status: Some(current.to_owned()),
        }
    }

    /// A 409 for an action that the state `current` of the resource does not allow (a
    /// referral already answered, a request already decided), naming that state.
    pub fn wrong_state(current: &str, detail: impl Into<String>) -> Self {
        Self::Refused {
            status: StatusCode::CONFLICT,
            code: ProblemType::IllegalTransition,
            detail: detail.into(),
            current_status: Some(current.to_owned()),
        }
    }

    /// A single-field validation failure, the most common case.
    pub fn field(field: &str, code: &str, message: &str) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    /// The problem type of this error (the web front end words its pages by it).
    pub fn problem_type(&self) -> ProblemType {
        match self {
            Self::Validation(_) => ProblemType::ValidationError,
            Self::BadRequest(_) => ProblemType::BadRequest,
            Self::InvalidToken => ProblemType::InvalidToken,
            Self::Unauthorized => ProblemType::Unauthorized,
            Self::InvalidCredentials => ProblemType::InvalidCredentials,
            Self::EmailNotVerified => ProblemType::EmailNotVerified,
            Self::Forbidden => ProblemType::Forbidden,
            Self::NotFound => ProblemType::NotFound,
            Self::Conflict(_) => ProblemType::Conflict,
            Self::Refused { code, .. } | Self::ConflictsWith { code, .. } => *code,
            Self::PreconditionFailed => ProblemType::PreconditionFailed,
            Self::RateLimited { .. } => ProblemType::RateLimited,
            Self::Unavailable(_) => ProblemType::ServiceUnavailable,
            Self::Internal(_) => ProblemType::InternalError,
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::Validation(_) => "One or more fields are invalid; see `errors`.".into(),
            Self::BadRequest(msg) => msg.clone(),
            Self::InvalidToken => "The link or token is invalid, already used or expired.".into(),
            Self::Unauthorized => "A valid access token is required.".into(),
            Self::InvalidCredentials => "The email address or password is wrong.".into(),
            Self::EmailNotVerified => {
                "Confirm your email address first; we can resend the link.".into()
            }
            Self::Forbidden => "You are not allowed to do this.".into(),
            Self::NotFound => "The resource does not exist.".into(),
            Self::Conflict(msg) => msg.clone(),
            Self::Refused { detail, .. } | Self::ConflictsWith { detail, .. } => detail.clone(),
            Self::PreconditionFailed => {
                "Someone changed this in the meantime; load it again and reapply your edit.".into()
            }
            Self::RateLimited { retry_after_secs } => {
                format!("Too many requests; try again in {retry_after_secs} seconds.")
            }
            Self::Unavailable(_) => "The service is temporarily unavailable.".into(),
            Self::Internal(_) => "Something went wrong on our side.".into(),
        }
    }
}

/// The JSON body of a problem response.
#[derive(Debug, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The state a resource is in when a transition was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_status: Option<String>,
    /// The ids of the other resources that stand in the way of a refused change.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicting: Vec<String>,
}

impl Problem {
    /// A problem for a bare HTTP status, used where actix produced the error.
    pub fn for_status(status: StatusCode, detail: impl Into<String>) -> Self {
        Self {
            type_: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            current_status: None,
            conflicting: Vec::new(),
        }
    }

    /// Serialises the problem into a response with the right media type.
    pub fn into_response(self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(self)
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest(_) | Self::InvalidToken => StatusCode::BAD_REQUEST,
            Self::Unauthorized | Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::EmailNotVerified | Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) | Self::ConflictsWith { .. } => StatusCode::CONFLICT,
            Self::Refused { status, .. } => *status,
            Self::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(msg) => tracing::error!(error = %msg, "internal error"),
            Self::Unavailable(msg) => tracing::warn!(error = %msg, "dependency unavailable"),
            _ => {}
        }
        let status = self.status_code();
        let problem = Problem {
            type_: format!("urn:talkoot:problem:{}", self.problem_type().slug()),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: self.detail(),
            errors: match self {
                Self::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
            current_status: match self {
                Self::Refused { current_status, .. } => current_status.clone(),
                _ => None,
            },
            conflicting: match self {
                Self::ConflictsWith { conflicting, .. } => conflicting.clone(),
                _ => Vec::new(),
            },
        };
        let mut response = problem.into_response();
        if let Self::RateLimited { retry_after_secs } = self
            && let Ok(value) = header::HeaderValue::from_str(&retry_after_secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if matches!(self, Self::Unauthorized | Self::InvalidCredentials) {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                Self::Conflict("The resource already exists.".into())
            }
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                Self::Unavailable(info.message().to_owned())
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable(format!("database pool: {e}"))
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        Self::Internal(format!("blocking task: {e}"))
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields: Vec<FieldError> = errors
            .field_errors()
            .into_iter()
            .flat_map(|(field, errs)| {
                errs.iter().map(move |e| {
                    let message = e
                        .message
                        .as_ref()
                        .map_or_else(|| e.code.to_string(), ToString::to_string);
                    FieldError::new(field.to_string(), e.code.to_string(), message)
                })
            })
            .collect();
        fields.sort_by(|a, b| a.field.cmp(&b.field));
        Self::Validation(fields)
    }
}

/// Rewrites any error response that is not already problem+json (404 for an unknown route,
/// 405, 413 …) into a problem, so the whole API speaks one error format.
pub fn problem_for_framework_errors<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        // An HTML error page of the web front end is already what its reader needs.
        .is_some_and(|v| v.starts_with(PROBLEM_JSON) || v.starts_with("text/html"));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let detail = match status {
        StatusCode::NOT_FOUND => "No such resource.".to_owned(),
        StatusCode::METHOD_NOT_ALLOWED => "This method is not allowed on this resource.".to_owned(),
        StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large.".to_owned(),
        other => other.canonical_reason().unwrap_or("Error").to_owned(),
    };
    let (req, original) = res.into_parts();
    let mut response = Problem::for_status(status, detail).into_response();
    for (name, value) in original.headers() {
        if name == header::RETRY_AFTER || name == header::ALLOW || name == header::WWW_AUTHENTICATE
        {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    let response: HttpResponse<BoxBody> = response;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body(),
    ))
}
