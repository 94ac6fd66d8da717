"""Rate limits: a burst, then a steady rate, per key; a person typing fast is never limited."""
from bot.channels.limits import SENDER_RATE
from bot.channels.rate_limit import ChannelLimits, Rate, RateLimiter, client_address


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_steady_rate():
    clock = Clock()
    limiter = RateLimiter(Rate(burst=3, per_second=0.5), clock=clock)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.wait_seconds("a") == 2.0
    assert limiter.allow("b"), "another sender has its own bucket"
    clock.now += 2.0
    assert limiter.allow("a") and not limiter.allow("a")


def test_a_person_answering_every_question_at_once_is_never_limited():
    """The whole check clicked through as fast as replies come (a turn every 0.3 s), twice."""
    clock = Clock()
    limiter = RateLimiter(SENDER_RATE, clock=clock)
    for _ in range(40):
        assert limiter.allow("sender")
        clock.now += 0.3


def test_a_flood_is_stopped_after_the_burst():
    clock = Clock()
    limiter = RateLimiter(SENDER_RATE, clock=clock)
    allowed = sum(limiter.allow("flood") for _ in range(1000))  # all in the same instant
    assert allowed == int(SENDER_RATE.burst)


def test_a_refused_address_spends_nothing_from_the_sender():
    clock = Clock()
    limits = ChannelLimits(Rate(5, 1), Rate(1, 0.001), clock=clock)
    assert limits.allow("s", "10.0.0.1")
    assert not limits.allow("s", "10.0.0.1")
    assert limits.senders.wait_seconds("s") == 0.0
    assert limits.allow("s", "10.0.0.2")


def test_old_keys_are_forgotten_past_the_bound():
    limiter = RateLimiter(Rate(1, 0.0001), max_keys=2, clock=Clock())
    for key in ("a", "b", "c"):
        assert limiter.allow(key)
    assert limiter.allow("a"), "the oldest key was dropped and starts full"


def test_the_client_address_behind_our_own_nginx_only():
    assert client_address("127.0.0.1", "203.0.113.9") == "203.0.113.9"
    assert client_address("127.0.0.1", "198.51.100.1, 203.0.113.9") == "203.0.113.9"
    assert client_address("203.0.113.5", "10.0.0.1") == "203.0.113.5", "a client cannot claim another address"
    assert client_address("127.0.0.1", None) == "127.0.0.1"
