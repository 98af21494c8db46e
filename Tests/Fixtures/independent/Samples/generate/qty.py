"""A small reference reading of quantities and rates, used only to check our own ground truth.

It follows DESIGN.md "Quantities"; it is not the product's parser, just enough to verify that the
figures we wrote add up (or do not) the way expected.json says.
"""
import re
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING

NA_TEXTS = {"——", "—", "-", "/", "无", ""}
QUALITATIVE = {"应保尽保", "全覆盖", "应救尽救", "应补尽补", "应发尽发", "应助尽助"}

_FW = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_Q = re.compile(r"^(约|不少于|不低于|不超过|达到)?(\d+(?:\.\d+)?)(万)?([^\d]*?)(以上|左右|及以上)?$")


class Q:
    """kind: 'number' | 'na' | 'qualitative' | 'unparsed' | 'blank'."""

    def __init__(self, kind, value=None, percent=False, decimals=None, raw=None):
        self.kind, self.value, self.percent, self.decimals, self.raw = kind, value, percent, decimals, raw

    def __repr__(self):
        return f"Q({self.kind}, {self.value!r}, pct={self.percent}, dec={self.decimals}, raw={self.raw!r})"


def _decimals_of_format(fmt):
    if fmt and "%" in fmt:
        m = re.search(r"0\.(0+)%", fmt)
        return (len(m.group(1)) if m else 0), True
    return None, False


def parse(value, number_format=None):
    """Read one cell value (as openpyxl gives it) into a Q. Values are Decimals."""
    if value is None:
        return Q("blank", raw=value)
    if isinstance(value, bool):
        return Q("unparsed", raw=value)
    if isinstance(value, (int, float)):
        dec, pct = _decimals_of_format(number_format)
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return Q("number", d, percent=pct, decimals=dec, raw=value)
    s = str(value).translate(_FW).strip().replace(",", "").replace(" ", "")
    if s in NA_TEXTS:
        return Q("na", raw=value)
    if s in QUALITATIVE:
        return Q("qualitative", raw=value)
    m = _Q.match(s)
    if not m:
        return Q("unparsed", raw=value)
    num, wan, unit = m.group(2), m.group(3), m.group(4)
    d = Decimal(num)
    if wan:
        d *= 10000
    if unit == "%":
        decimals = len(num.split(".")[1]) if "." in num else 0
        return Q("number", d / 100, percent=True, decimals=decimals, raw=value)
    return Q("number", d, raw=value)


def check_rate(target, completed, rate):
    """Compare a printed rate with completed / target at the rate's printed precision.

    Returns None when not checkable, else (verdict, computed_ratio) with verdict one of
    'ok', 'truncation' (only truncation instead of rounding explains it), 'ceiling' (only
    rounding up explains it), 'error'.
    """
    if target.kind != "number" or completed.kind != "number" or rate.kind != "number":
        return None
    if target.value == 0:
        return None
    ratio = completed.value / target.value
    dec = rate.decimals if rate.decimals is not None else 0
    # printed value in percent units
    printed = (rate.value * 100)
    q = Decimal(1).scaleb(-dec)
    pct = ratio * 100
    printed_q = printed.quantize(q, rounding=ROUND_HALF_UP)
    if pct.quantize(q, rounding=ROUND_HALF_UP) == printed_q:
        return "ok", ratio
    if pct.quantize(q, rounding=ROUND_DOWN) == printed_q:
        return "truncation", ratio
    if pct.quantize(q, rounding=ROUND_CEILING) == printed_q:
        return "ceiling", ratio
    return "error", ratio
