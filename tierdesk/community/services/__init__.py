"""Everything that changes the forum. Views and commands call these and nothing else."""

from tierdesk.community.services.handover import answer_promote_to_knowledge, thread_to_ticket
from tierdesk.community.services.moderation import (
    flags_dismiss,
    post_flag,
    post_hide,
    post_unhide,
    thread_lock,
    thread_unlock,
)
from tierdesk.community.services.posting import answer_create, thread_create
from tierdesk.community.services.voting import (
    VOTE_VALUES,
    answer_accept,
    answer_unaccept,
    post_vote,
)

__all__ = [
    "VOTE_VALUES",
    "answer_accept",
    "answer_create",
    "answer_promote_to_knowledge",
    "answer_unaccept",
    "flags_dismiss",
    "post_flag",
    "post_hide",
    "post_unhide",
    "post_vote",
    "thread_create",
    "thread_lock",
    "thread_to_ticket",
    "thread_unlock",
]
