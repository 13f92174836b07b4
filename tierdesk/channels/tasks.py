"""Background tasks of the channels (django-tasks; the database backend keeps them)."""

from __future__ import annotations

from django_tasks import task


@task()
def process_inbound_mail(inbound_id: int) -> str:
    """Turn a stored mail into a ticket (or a message on one). Returns the new state."""
    from tierdesk.channels.inbound import inbound_mail_process

    return inbound_mail_process(inbound_id).state


@task()
def send_outbound_mail(outbound_id: int) -> str:
    """Send one customer mail; on failure it queues its own retry with a back-off."""
    from tierdesk.channels.outbound import outbound_mail_send

    return outbound_mail_send(outbound_id).state


@task()
def deliver_webhook(delivery_id: int) -> str:
    """POST one event to one subscriber; on failure it queues its own retry with a back-off."""
    from tierdesk.channels.webhooks import webhook_deliver

    return webhook_deliver(delivery_id).state
