/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-timing.h"
#include "jh-holidays-private.h"

/*
 * The time vocabulary of work plans.
 *
 * Plans state time at the granularity of the 旬 and in a handful of
 * fixed shapes; this file turns those shapes into date ranges and finds
 * them in running text.  The design rule is that nothing is guessed: an
 * expression either has exactly one reading or it is rejected with a
 * reason the user can act on.
 *
 * Text is first normalised into an array of characters (full-width
 * digits folded, spaces and quotes dropped but remembered), keeping each
 * character's offsets in the original so the finder can report where a
 * match is.  A recursive-descent parser with backtracking then reads:
 *
 *   expression := recurrence | item (list-joiner item)*
 *   item       := [截至] point [range-joiner point] [前|以前|之前]
 *   point      := [year 年] (全年 | 上半年 | 第N季度 | N月[旬|日] | N日
 *                 | 上旬 | holiday [前后|期间] | a bare number …)
 *
 * Points may be incomplete: in "三、四季度" the 三 has no unit and in
 * "6月上旬至中旬" the 中旬 has no month.  After a list is read, bare
 * numbers take their unit from the point after them, and points
 * without a month take it from the point before them.  A bare number in
 * a list also takes the rest of its neighbour ("1、2月下旬" is 1月下旬
 * and 2月下旬); in a range it takes only the unit ("3至4月中旬" starts
 * on 3月1日).
 *
 * Decisions worth knowing:
 *
 * - "X前" is a deadline at the end of X: 6月底前 ends on 6月30日, 6月前
 *   ends on 6月30日 too.  For a holiday it is the day before: 国庆前
 *   ends on 9月30日, and 元旦前 on 12月31日 of the plan year, since a
 *   plan only ever means the coming New Year.
 * - "X前后" is the holiday's period with three days either side; "X期间"
 *   is the customary period (see _jh_holiday_get_dates()).
 * - 每周 is supported as a weekly recurrence: weekly routines (例会) are
 *   real plan items, and the timeline can shade them.  每年, 每天 and
 *   每两周 are rejected.
 * - Lunar months (腊月, 正月) and relative times (下周, 明年, 近期) are
 *   rejected; so is anything open-ended (国庆后, 5月起).
 * - A year prefix must be four digits; a year other than the plan year
 *   is kept but the timing is flagged as outside the plan year.
 * - Contiguous or overlapping items of a list with the same granularity
 *   merge: "4月中、下旬" is one range, 4月11日–30日; "6月中旬和11月下旬"
 *   stays two.
 * - A range never runs into the next year on its own: "12月下旬至1月上旬"
 *   is rejected as ending before it starts; "12月下旬至2028年1月上旬" is
 *   accepted (and flagged).
 * - "每月30日" falls on the last day of shorter months.
 *
 * Running text (jh_timing_find()) is stricter, because there a wrong
 * match is worse than a missed one:
 *
 * - a bare year ("2027年工作计划", "2014年度") is not a match: in plans it
 *   is a title or a reference, and the checks treat stray years
 *   separately;
 * - bare "M.D" ("5.20") is not a match: it collides with section numbers
 *   and decimals ("1.2", "2.5万元"); "2027.5.20" is;
 * - "1、" at the start of a paragraph or after 。； is an enumerator,
 *   so "1、2月下旬" finds 2月下旬;
 * - names that are also words need a marker: "五四" in 五四路 and "两会"
 *   in 两会精神 are not times, "五四青年节", "两会期间" and "“七一”" are;
 * - a month followed by a numeral ("一月一堂课") is a rate, not a time;
 * - a time after 明年, 去年, 次年 … belongs to another year and is
 *   skipped rather than placed in the plan year;
 * - words such as 年中 and 年内 are not matched after 一, 今, 明 … (一年中
 *   is not mid-year), and 月初 is not matched in 初步, 月中 not in 中国.
 */

G_DEFINE_QUARK (jh-timing-error-quark, jh_timing_error)

/* ------------------------------------------------------------------ */
/* Nicks and ranges                                                    */
/* ------------------------------------------------------------------ */

static const char * const granularity_nicks[] = {
  [JH_TIME_GRANULARITY_YEAR] = "year",
  [JH_TIME_GRANULARITY_HALF] = "half",
  [JH_TIME_GRANULARITY_QUARTER] = "quarter",
  [JH_TIME_GRANULARITY_MONTH] = "month",
  [JH_TIME_GRANULARITY_XUN] = "xun",
  [JH_TIME_GRANULARITY_DAY] = "day",
};

static const char * const recurrence_nicks[] = {
  [JH_TIME_RECURRENCE_NONE] = "none",
  [JH_TIME_RECURRENCE_WEEKLY] = "weekly",
  [JH_TIME_RECURRENCE_MONTHLY] = "monthly",
  [JH_TIME_RECURRENCE_BIMONTHLY] = "bimonthly",
  [JH_TIME_RECURRENCE_QUARTERLY] = "quarterly",
  [JH_TIME_RECURRENCE_HALF_YEARLY] = "half-yearly",
};

const char *
jh_time_granularity_to_nick (JhTimeGranularity granularity)
{
  g_return_val_if_fail (granularity <= JH_TIME_GRANULARITY_DAY, NULL);

  return granularity_nicks[granularity];
}

gboolean
jh_time_granularity_from_nick (const char        *nick,
                               JhTimeGranularity *granularity)
{
  g_return_val_if_fail (nick != NULL, FALSE);
  g_return_val_if_fail (granularity != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (granularity_nicks); i++)
    {
      if (g_str_equal (nick, granularity_nicks[i]))
        {
          *granularity = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
jh_time_recurrence_to_nick (JhTimeRecurrence recurrence)
{
  g_return_val_if_fail (recurrence <= JH_TIME_RECURRENCE_HALF_YEARLY, NULL);

  return recurrence_nicks[recurrence];
}

gboolean
jh_time_recurrence_from_nick (const char       *nick,
                              JhTimeRecurrence *recurrence)
{
  g_return_val_if_fail (nick != NULL, FALSE);
  g_return_val_if_fail (recurrence != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (recurrence_nicks); i++)
    {
      if (g_str_equal (nick, recurrence_nicks[i]))
        {
          *recurrence = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static guint
days_in_month (guint year,
               guint month)
{
  return g_date_get_days_in_month (month, year);
}

/* The unit of @granularity that @date falls in. */
static void
unit_bounds (const GDate       *date,
             JhTimeGranularity  granularity,
             GDate             *start,
             GDate             *end)
{
  guint year = g_date_get_year (date);
  guint month = g_date_get_month (date);
  guint day = g_date_get_day (date);
  guint first_month = month;
  guint last_month = month;
  guint first_day = 1;
  guint last_day;

  switch (granularity)
    {
    case JH_TIME_GRANULARITY_YEAR:
      first_month = 1;
      last_month = 12;
      break;

    case JH_TIME_GRANULARITY_HALF:
      first_month = month <= 6 ? 1 : 7;
      last_month = first_month + 5;
      break;

    case JH_TIME_GRANULARITY_QUARTER:
      first_month = (month - 1) / 3 * 3 + 1;
      last_month = first_month + 2;
      break;

    case JH_TIME_GRANULARITY_MONTH:
      break;

    case JH_TIME_GRANULARITY_XUN:
      first_day = day <= 10 ? 1 : day <= 20 ? 11 : 21;
      break;

    case JH_TIME_GRANULARITY_DAY:
    default:
      first_day = day;
      break;
    }

  if (granularity == JH_TIME_GRANULARITY_DAY)
    last_day = day;
  else if (granularity == JH_TIME_GRANULARITY_XUN && first_day < 21)
    last_day = first_day + 9;
  else
    last_day = days_in_month (year, last_month);

  set_date (start, year, first_month, first_day);
  set_date (end, year, last_month, last_day);
}

/* The coarsest unit that @date starts (or ends, if @at_end) exactly. */
static JhTimeGranularity
coarsest_alignment (const GDate *date,
                    gboolean     at_end)
{
  for (JhTimeGranularity g = JH_TIME_GRANULARITY_YEAR; g < JH_TIME_GRANULARITY_DAY; g++)
    {
      GDate start, end;

      unit_bounds (date, g, &start, &end);
      if (g_date_compare (at_end ? &end : &start, date) == 0)
        return g;
    }

  return JH_TIME_GRANULARITY_DAY;
}

/**
 * jh_time_range_init:
 * @range: the range to fill
 * @start: the first day
 * @end: the last day, not before @start
 * @granularity: how precisely the range is meant
 *
 * Fills @range with dates, as the timeline does when a bar is dragged.
 * Call jh_time_range_snap() to round it to the plan's units.
 */
void
jh_time_range_init (JhTimeRange       *range,
                    const GDate       *start,
                    const GDate       *end,
                    JhTimeGranularity  granularity)
{
  g_return_if_fail (range != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (end != NULL && g_date_valid (end));
  g_return_if_fail (g_date_compare (start, end) <= 0);
  g_return_if_fail (granularity <= JH_TIME_GRANULARITY_DAY);

  range->start = *start;
  range->end = *end;
  range->granularity = granularity;
  range->is_deadline = FALSE;
}

/**
 * jh_time_range_init_deadline:
 * @range: the range to fill
 * @end: the day the work is due
 * @granularity: how precisely the deadline is meant
 *
 * Fills @range with a deadline: its start is unknown.
 */
void
jh_time_range_init_deadline (JhTimeRange       *range,
                             const GDate       *end,
                             JhTimeGranularity  granularity)
{
  g_return_if_fail (range != NULL);
  g_return_if_fail (end != NULL && g_date_valid (end));
  g_return_if_fail (granularity <= JH_TIME_GRANULARITY_DAY);

  g_date_clear (&range->start, 1);
  range->end = *end;
  range->granularity = granularity;
  range->is_deadline = TRUE;
}

/**
 * jh_time_range_get_start:
 * @range: a range
 * @start: (out): the first day, or cleared for a deadline
 *
 * Returns: %FALSE for a deadline, whose start is unknown
 */
gboolean
jh_time_range_get_start (const JhTimeRange *range,
                         GDate             *start)
{
  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  if (range->is_deadline || !g_date_valid (&range->start))
    {
      g_date_clear (start, 1);
      return FALSE;
    }

  *start = range->start;
  return TRUE;
}

void
jh_time_range_get_end (const JhTimeRange *range,
                       GDate             *end)
{
  g_return_if_fail (range != NULL);
  g_return_if_fail (end != NULL);

  *end = range->end;
}

gboolean
jh_time_range_equal (const JhTimeRange *a,
                     const JhTimeRange *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->is_deadline != b->is_deadline || a->granularity != b->granularity)
    return FALSE;
  if (g_date_compare (&a->end, &b->end) != 0)
    return FALSE;

  return a->is_deadline || g_date_compare (&a->start, &b->start) == 0;
}

/**
 * jh_time_range_contains:
 * @range: a range
 * @date: a valid date
 *
 * A deadline occupies only the day it falls due: that is where the
 * timeline draws it and when the work is checked.
 *
 * Returns: whether @date is in @range
 */
gboolean
jh_time_range_contains (const JhTimeRange *range,
                        const GDate       *date)
{
  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (range->is_deadline)
    return g_date_compare (date, &range->end) == 0;

  return g_date_compare (&range->start, date) <= 0 &&
         g_date_compare (date, &range->end) <= 0;
}

/**
 * jh_time_range_overlaps:
 * @range: a range
 * @start: the first day of the period asked about
 * @end: its last day
 *
 * As in jh_time_range_contains(), a deadline counts on the day it falls
 * due, so "what is due this quarter" is a plain overlap test.
 *
 * Returns: whether @range and the period share a day
 */
gboolean
jh_time_range_overlaps (const JhTimeRange *range,
                        const GDate       *start,
                        const GDate       *end)
{
  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (end != NULL && g_date_valid (end), FALSE);

  if (range->is_deadline)
    return g_date_compare (start, &range->end) <= 0 &&
           g_date_compare (&range->end, end) <= 0;

  return g_date_compare (&range->start, end) <= 0 &&
         g_date_compare (start, &range->end) <= 0;
}

/**
 * jh_time_range_snap:
 * @range: a range
 * @granularity: the unit to snap to
 *
 * Widens @range to whole units of @granularity: with
 * %JH_TIME_GRANULARITY_XUN, 6月3日–6月17日 becomes 6月上旬至中旬.  The
 * timeline calls this while a bar is dragged.
 */
void
jh_time_range_snap (JhTimeRange       *range,
                    JhTimeGranularity  granularity)
{
  GDate start, end;

  g_return_if_fail (range != NULL);
  g_return_if_fail (granularity <= JH_TIME_GRANULARITY_DAY);

  if (!range->is_deadline)
    {
      unit_bounds (&range->start, granularity, &start, &end);
      range->start = start;
    }

  unit_bounds (&range->end, granularity, &start, &end);
  range->end = end;
  range->granularity = granularity;
}

/* ------------------------------------------------------------------ */
/* JhTiming                                                            */
/* ------------------------------------------------------------------ */

struct _JhTiming
{
  gatomicrefcount   ref_count;
  char             *text;
  guint             plan_year;
  GArray           *ranges;
  JhTimeRecurrence  recurrence;
  gboolean          outside_plan_year;
};

G_DEFINE_BOXED_TYPE (JhTiming, jh_timing, jh_timing_ref, jh_timing_unref)

static gboolean
ranges_outside_year (GArray *ranges,
                     guint   plan_year)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      const JhTimeRange *range = &g_array_index (ranges, JhTimeRange, i);

      if (g_date_get_year (&range->end) < plan_year)
        return TRUE;
      if (!range->is_deadline && g_date_get_year (&range->start) > plan_year)
        return TRUE;
    }

  return FALSE;
}

/* Takes @ranges. */
static JhTiming *
timing_new (const char       *text,
            gssize            length,
            guint             plan_year,
            GArray           *ranges,
            JhTimeRecurrence  recurrence,
            gboolean          other_year)
{
  JhTiming *self = g_new0 (JhTiming, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->text = length < 0 ? g_strdup (text) : g_strndup (text, length);
  self->plan_year = plan_year;
  self->ranges = ranges;
  self->recurrence = recurrence;
  self->outside_plan_year = other_year || ranges_outside_year (ranges, plan_year);

  return self;
}

/**
 * jh_timing_new_for_range:
 * @range: a range, usually from the timeline
 * @plan_year: the year of the plan
 *
 * Makes a timing from dates rather than words; its text is the range
 * written in the plan's vocabulary, as jh_timing_format_range() does.
 *
 * Returns: (transfer full): a new timing
 */
JhTiming *
jh_timing_new_for_range (const JhTimeRange *range,
                         guint              plan_year)
{
  g_autofree char *text = NULL;
  GArray *ranges;

  g_return_val_if_fail (range != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&range->end), NULL);
  g_return_val_if_fail (range->is_deadline || g_date_valid (&range->start), NULL);

  text = jh_timing_format_range (range, plan_year);
  ranges = g_array_sized_new (FALSE, TRUE, sizeof (JhTimeRange), 1);
  g_array_append_vals (ranges, range, 1);

  return timing_new (text, -1, plan_year, ranges, JH_TIME_RECURRENCE_NONE, FALSE);
}

JhTiming *
jh_timing_ref (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
jh_timing_unref (JhTiming *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_array_unref (self->ranges);
      g_free (self);
    }
}

/**
 * jh_timing_get_text:
 * @self: a timing
 *
 * Returns: the text the timing was parsed from, as written
 */
const char *
jh_timing_get_text (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
jh_timing_get_plan_year (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->plan_year;
}

/**
 * jh_timing_get_n_ranges:
 * @self: a timing
 *
 * For a recurrence, every occurrence in the plan year is a range.
 *
 * Returns: the number of ranges, at least one
 */
guint
jh_timing_get_n_ranges (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ranges->len;
}

/**
 * jh_timing_get_range:
 * @self: a timing
 * @index_: which range, in date order
 *
 * Returns: (transfer none): the range, owned by @self
 */
const JhTimeRange *
jh_timing_get_range (JhTiming *self,
                     guint     index_)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index_ < self->ranges->len, NULL);

  return &g_array_index (self->ranges, JhTimeRange, index_);
}

JhTimeRecurrence
jh_timing_get_recurrence (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, JH_TIME_RECURRENCE_NONE);

  return self->recurrence;
}

/**
 * jh_timing_get_outside_plan_year:
 * @self: a timing
 *
 * Returns: %TRUE if the text names a year other than the plan year
 *   ("2026年12月" in a 2027 plan) or a range lies wholly outside it
 */
gboolean
jh_timing_get_outside_plan_year (JhTiming *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->outside_plan_year;
}

/**
 * jh_timing_get_span:
 * @self: a timing
 * @start: (out) (optional): the earliest start, cleared if some range
 *   is a deadline
 * @end: (out) (optional): the latest end
 *
 * Returns: %FALSE if the span is open on the left because of a deadline
 */
gboolean
jh_timing_get_span (JhTiming *self,
                    GDate    *start,
                    GDate    *end)
{
  GDate first, last;
  gboolean open = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  for (guint i = 0; i < self->ranges->len; i++)
    {
      const JhTimeRange *range = &g_array_index (self->ranges, JhTimeRange, i);

      if (range->is_deadline)
        open = TRUE;
      else if (!g_date_valid (&first) || g_date_compare (&range->start, &first) < 0)
        first = range->start;

      if (!g_date_valid (&last) || g_date_compare (&range->end, &last) > 0)
        last = range->end;
    }

  if (open)
    g_date_clear (&first, 1);

  if (start != NULL)
    *start = first;
  if (end != NULL)
    *end = last;

  return !open;
}

/**
 * jh_timing_overlaps:
 * @self: a timing
 * @start: the first day of a period
 * @end: its last day
 *
 * See jh_time_range_overlaps() for how deadlines count.
 *
 * Returns: whether any range of @self shares a day with the period
 */
gboolean
jh_timing_overlaps (JhTiming    *self,
                    const GDate *start,
                    const GDate *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->ranges->len; i++)
    {
      if (jh_time_range_overlaps (&g_array_index (self->ranges, JhTimeRange, i), start, end))
        return TRUE;
    }

  return FALSE;
}

void
jh_timing_match_free (JhTimingMatch *match)
{
  if (match == NULL)
    return;

  g_clear_pointer (&match->timing, jh_timing_unref);
  g_free (match);
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                       */
/* ------------------------------------------------------------------ */

/* What normalisation dropped just before a character. */
enum
{
  GAP_SPACE   = 1 << 0,
  GAP_NEWLINE = 1 << 1,
  GAP_QUOTE   = 1 << 2,
};

typedef struct
{
  gunichar c;
  guint    gap;
  gsize    byte;            /* offsets of the character in the original */
  gsize    byte_end;
  glong    chr;
  gsize    quote_byte;      /* the last quote in the gap, if any */
  glong    quote_chr;
  gsize    quote_byte_end;
  glong    quote_chr_end;
} Ch;

static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case '"':
    case '\'':
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x300C: /* 「 */
    case 0x300D: /* 」 */
    case 0x300E: /* 『 */
    case 0x300F: /* 』 */
    case 0xFF02: /* ＂ */
    case 0xFF07: /* ＇ */
      return TRUE;

    default:
      return FALSE;
    }
}

/* Folds the many ways to type the same thing onto one. */
static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  if (c >= 0xFF21 && c <= 0xFF3A)
    return 'A' + (c - 0xFF21);
  if (c >= 0xFF41 && c <= 0xFF5A)
    return 'A' + (c - 0xFF41);
  if (c >= 'a' && c <= 'z')
    return 'A' + (c - 'a');

  switch (c)
    {
    case 0x2010: /* ‐ */
    case 0x2011:
    case 0x2012:
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* ― */
    case 0x2212: /* − */
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: /* － */
      return '-';

    case 0x301C: /* 〜 */
    case 0xFF5E: /* ～ */
      return '~';

    case 0xFF0E: /* ． */
      return '.';

    case ',':
      return 0xFF0C;
    case ';':
      return 0xFF1B;
    case ':':
      return 0xFF1A;
    case '(':
      return 0xFF08;
    case ')':
      return 0xFF09;
    case '!':
      return 0xFF01;
    case '?':
      return 0xFF1F;

    default:
      return c;
    }
}

/* Returns the characters of @text plus a sentinel with c == 0. */
static GArray *
normalise (const char *text)
{
  GArray *chs = g_array_new (FALSE, TRUE, sizeof (Ch));
  guint gap = 0;
  gsize quote_byte = 0;
  gsize quote_byte_end = 0;
  glong quote_chr = 0;
  glong quote_chr_end = 0;
  glong chr = 0;
  const char *q;
  Ch sentinel = { 0, };

  for (q = text; *q != '\0'; q = g_utf8_next_char (q), chr++)
    {
      gunichar c = g_utf8_get_char (q);
      gsize byte = q - text;
      gsize byte_end = g_utf8_next_char (q) - text;
      Ch ch;

      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        {
          gap |= GAP_NEWLINE | GAP_SPACE;
          continue;
        }

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF)
        {
          gap |= GAP_SPACE;
          continue;
        }

      if (is_quote (c))
        {
          gap |= GAP_QUOTE;
          quote_byte = byte;
          quote_chr = chr;
          quote_byte_end = byte_end;
          quote_chr_end = chr + 1;
          continue;
        }

      ch.c = fold_char (c);
      ch.gap = gap;
      ch.byte = byte;
      ch.byte_end = byte_end;
      ch.chr = chr;
      ch.quote_byte = quote_byte;
      ch.quote_chr = quote_chr;
      ch.quote_byte_end = quote_byte_end;
      ch.quote_chr_end = quote_chr_end;
      g_array_append_val (chs, ch);
      gap = 0;
    }

  sentinel.gap = gap;
  sentinel.byte = q - text;
  sentinel.byte_end = q - text;
  sentinel.chr = chr;
  sentinel.quote_byte = quote_byte;
  sentinel.quote_chr = quote_chr;
  sentinel.quote_byte_end = quote_byte_end;
  sentinel.quote_chr_end = quote_chr_end;
  g_array_append_val (chs, sentinel);

  return chs;
}

/* ------------------------------------------------------------------ */
/* The parser                                                          */
/* ------------------------------------------------------------------ */

#define CH_SHI  0x5341 /* 十 */
#define CH_NIAN 0x5EFF /* 廿 */

typedef enum
{
  SCRIPT_NONE,
  SCRIPT_ARABIC,
  SCRIPT_CHINESE,
} Script;

typedef struct
{
  int      value;
  Script   script;
  gboolean year_like;   /* four digits: 2027, 二〇二七 */
} Number;

typedef enum
{
  POINT_BARE,       /* a number or 上/中/下 still waiting for its unit */
  POINT_YEAR,
  POINT_HALF,
  POINT_QUARTER,
  POINT_YEAR_PART,  /* 年初, 年中, 年底 */
  POINT_MONTH,
  POINT_XUN,
  POINT_DAY,
  POINT_HOLIDAY,
} PointKind;

typedef enum
{
  HOLIDAY_MODE_DAY,
  HOLIDAY_MODE_PERIOD,  /* 期间 */
  HOLIDAY_MODE_AROUND,  /* 前后 */
  HOLIDAY_MODE_EVE,     /* 前夕 */
} HolidayMode;

typedef struct
{
  PointKind    kind;
  guint        start;          /* position in the normalised text */
  guint        end;
  guint        year;           /* 0 until known */
  gboolean     explicit_year;
  int          month;          /* 0 until known */
  int          first;          /* half, quarter, xun, day or year part */
  int          last;           /* the same, for 上中旬, 上下半年 */
  int          part;           /* of a quarter: 1 for 季度初, 3 for 季度末 */
  int          bare;           /* the number waiting for a unit */
  int          bare_prefix;    /* 1, 2, 3 for a waiting 上, 中, 下 */
  gboolean     ordinal;        /* the waiting number had 第 */
  Script       script;
  JhHoliday    holiday;
  HolidayMode  mode;
} Point;

typedef struct
{
  Point    first;
  Point    last;
  gboolean is_range;
  gboolean is_deadline;
  guint    end_pos;
} Item;

typedef enum
{
  LINK_LIST,
  LINK_RANGE,
} Link;

typedef struct
{
  JhTimeRecurrence recurrence;
  int              xun_first;  /* monthly: 0 or the 旬 */
  int              xun_last;
  int              day;        /* monthly: 0 or the day */
  int              part;       /* quarterly: 0, 1 or 3 */
  gboolean         is_deadline;
} Recurrence;

typedef struct
{
  GArray           *ranges;
  JhTimeRecurrence  recurrence;
  gboolean          other_year;
} Result;

typedef struct
{
  const Ch      *chs;
  guint          n;
  guint          pos;
  guint          plan_year;
  gboolean       running_text;
  JhTimingError  error_code;
  char          *error_reason;
} Parser;

static void fail_with (Parser        *p,
                       JhTimingError  code,
                       const char    *format,
                       ...) G_GNUC_PRINTF (3, 4);

/* Keeps the first specific reason: it is the one nearest the cause. */
static void
fail_with (Parser        *p,
           JhTimingError  code,
           const char    *format,
           ...)
{
  va_list args;

  if (p->running_text || p->error_reason != NULL)
    return;

  va_start (args, format);
  p->error_code = code;
  p->error_reason = g_strdup_vprintf (format, args);
  va_end (args);
}

static inline gunichar
peek (const Parser *p,
      guint         k)
{
  return p->pos + k < p->n ? p->chs[p->pos + k].c : 0;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Reads one character of a word of this file, which is valid UTF-8, and
 * steps past it.  The finder tries every word at every position of a
 * paragraph; g_utf8_get_char() there was a tenth of a full check.
 */
static inline gunichar
next_word_char (const char **q)
{
  const guchar *s = (const guchar *) *q;

  if (s[0] < 0x80)
    {
      *q += 1;
      return s[0];
    }
  if (s[0] < 0xE0)
    {
      *q += 2;
      return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
  if (s[0] < 0xF0)
    {
      *q += 3;
      return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
  *q += 4;
  return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static gboolean
char_in (gunichar    c,
         const char *set)
{
  if (c == 0)
    return FALSE;

  for (const char *q = set; *q != '\0';)
    {
      if (next_word_char (&q) == c)
        return TRUE;
    }

  return FALSE;
}

static int
cn_digit (gunichar c)
{
  static const char digits[] = "〇一二三四五六七八九";
  int i = 0;

  for (const char *q = digits; *q != '\0'; i++)
    {
      if (next_word_char (&q) == c)
        return i;
    }

  if (c == 0x96F6) /* 零 */
    return 0;

  return -1;
}

/* Anything that reads as part of a number, for boundary checks. */
static gboolean
is_numeral (gunichar c)
{
  return is_digit (c) || cn_digit (c) >= 0 || char_in (c, "十廿两百千万");
}

static gboolean
looking_at (const Parser *p,
            const char   *word)
{
  guint k = 0;

  for (const char *q = word; *q != '\0'; k++)
    {
      if (peek (p, k) != next_word_char (&q))
        return FALSE;
    }

  return TRUE;
}

static gboolean
accept (Parser     *p,
        const char *word)
{
  if (!looking_at (p, word))
    return FALSE;

  p->pos += g_utf8_strlen (word, -1);
  return TRUE;
}

/* The character at the parser's position in UTF-8, to pass over with
 * a byte comparison the words of a list that do not start with it: the
 * finder tries the lists at every position of every paragraph, and
 * nearly all their words fail on their first character.
 */
typedef struct
{
  char  bytes[8];
  gsize length;
} FirstChar;

static inline void
first_char_init (FirstChar    *first,
                 const Parser *p)
{
  gunichar c = peek (p, 0);

  /* The end of the text is 0, which starts no word. */
  first->length = c == 0 ? 1 : (gsize) g_unichar_to_utf8 (c, first->bytes);
  if (c == 0)
    first->bytes[0] = '\0';
}

static inline gboolean
may_start (const FirstChar *first,
           const char      *word)
{
  /* Byte by byte: a word may be shorter than the character. */
  for (gsize k = 0; k < first->length; k++)
    {
      if (word[k] != first->bytes[k])
        return FALSE;
    }

  return TRUE;
}

/* Lists are ordered so that a longer word comes before its prefix. */
static const char *
accept_any (Parser            *p,
            const char * const *words)
{
  FirstChar first;

  first_char_init (&first, p);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (may_start (&first, words[i]) && accept (p, words[i]))
        return words[i];
    }

  return NULL;
}

/* The character before @pos, or 0 if there is none or a space between. */
static gunichar
char_before (const Parser *p,
             guint         pos)
{
  if (pos == 0 || (p->chs[pos].gap & GAP_SPACE) != 0)
    return 0;

  return p->chs[pos - 1].c;
}

static char *
dup_text (const Parser *p,
          guint         start,
          guint         end)
{
  GString *s = g_string_new (NULL);

  for (guint i = start; i < end && i < p->n; i++)
    g_string_append_unichar (s, p->chs[i].c);

  return g_string_free (s, FALSE);
}

/* Four digits are not enough to be a year: "0227年" or "3375.2.2" are no
 * years a plan speaks of, and could not be written back as they were read.
 */
static gboolean
is_plausible_year (int value)
{
  return value >= 1900 && value <= 2200;
}

static gboolean
read_number (Parser *p,
             Number *num)
{
  gunichar c = peek (p, 0);
  int d;

  memset (num, 0, sizeof *num);

  if (is_digit (c))
    {
      guint k = 0;

      while (is_digit (peek (p, 0)) &&
             (k == 0 || (p->chs[p->pos].gap & GAP_SPACE) == 0))
        {
          /* Large numbers are never times; cap them rather than overflow. */
          if (num->value < 100000)
            num->value = num->value * 10 + (int) (peek (p, 0) - '0');
          p->pos++;
          k++;
        }

      num->script = SCRIPT_ARABIC;
      num->year_like = k == 4 && is_plausible_year (num->value);
      return TRUE;
    }

  num->script = SCRIPT_CHINESE;

  /* Years are written digit by digit: 二〇二七. */
  if (cn_digit (c) >= 0)
    {
      guint k = 0;

      while (k < 5 && cn_digit (peek (p, k)) >= 0)
        k++;

      if (k == 4)
        {
          for (guint i = 0; i < 4; i++)
            num->value = num->value * 10 + cn_digit (peek (p, i));
          p->pos += 4;
          num->year_like = is_plausible_year (num->value);
          return TRUE;
        }
    }

  /* Everything else is below a hundred: 三, 十二, 二十, 三十一, 廿一. */
  if (c == CH_SHI || c == CH_NIAN)
    {
      num->value = c == CH_SHI ? 10 : 20;
      p->pos++;
    }
  else if ((d = cn_digit (c)) >= 1)
    {
      p->pos++;
      if (peek (p, 0) == CH_SHI)
        {
          num->value = d * 10;
          p->pos++;
        }
      else
        {
          num->value = d;
          return TRUE;
        }
    }
  else
    {
      return FALSE;
    }

  if ((d = cn_digit (peek (p, 0))) >= 1)
    {
      num->value += d;
      p->pos++;
    }

  return TRUE;
}

static gboolean
looking_at_range_joiner (const Parser *p)
{
  gunichar c = peek (p, 0);

  return c == '-' || c == '~' || char_in (c, "至到");
}

static gboolean
accept_range_joiner (Parser *p)
{
  gunichar c = peek (p, 0);

  if (c == '-' || c == '~')
    {
      /* "——" and "~~" are one joiner. */
      while (peek (p, 0) == c)
        p->pos++;
      return TRUE;
    }

  return accept (p, "至") || accept (p, "到");
}

static const char * const list_joiners[] = {
  "以及", "、", "和", "及", "与", NULL
};

static gboolean
looking_at_joiner (const Parser *p)
{
  if (looking_at_range_joiner (p))
    return TRUE;

  for (guint i = 0; list_joiners[i] != NULL; i++)
    {
      if (looking_at (p, list_joiners[i]))
        return TRUE;
    }

  return FALSE;
}

/* 中 in 中国, 中央 … is a word of its own, not 月中. */
static gboolean
zhong_starts_word (const Parser *p)
{
  return char_in (peek (p, 0), "国华央共心层间学期小青西医美外");
}

/* 初 in 初步, 初级 … */
static gboolean
chu_starts_word (const Parser *p)
{
  return char_in (peek (p, 0), "步级心次稿审选衷赛中");
}

/* 前 in 前往, 前期, 前后 … is not a deadline. */
static gboolean
accept_deadline_suffix (Parser *p)
{
  guint start = p->pos;

  if (accept (p, "以前") || accept (p, "之前"))
    return TRUE;

  if (accept (p, "前"))
    {
      if (!char_in (peek (p, 0), "往进来去期夕列沿提景途面线行者述后置瞻端任身辈头方台排茅锋"))
        return TRUE;
    }

  p->pos = start;
  return FALSE;
}

/* "国庆后", "5月起": a start with no end. */
static gboolean
looking_at_open_end (const Parser *p)
{
  if (looking_at (p, "以后") || looking_at (p, "之后") || looking_at (p, "以来"))
    return TRUE;

  if (peek (p, 0) == 0x540E) /* 后 */
    return TRUE;

  if (peek (p, 0) == 0x8D77) /* 起, unless 起草, 起步 … */
    return !char_in (peek (p, 1), "草步点来身码诉因");

  return FALSE;
}

static const char * const lunar_words[] = {
  "农历", "阴历", "腊月", "正月", "冬月", "闰月", NULL
};

static const char * const vague_words[] = {
  "下个月", "上个月", "这个月", "下周", "本周", "上周", "这周", "下月",
  "本月", "上月", "当月", "次月", "今年", "明年", "去年", "次年", "来年",
  "后年", "前年", "近期", "近日", "日前", "适时", "择机", "随时", "尽快",
  "及时", "届时", "另行", "待定", "不定期", "今后", "年前", "年后",
  "节前", "节后", NULL
};

static gboolean
reject_lunar_or_vague (Parser *p)
{
  guint start = p->pos;
  const char *word;

  if ((word = accept_any (p, lunar_words)) != NULL)
    {
      fail_with (p, JH_TIMING_ERROR_LUNAR,
                 _("“%s” is a lunar date; write the Gregorian date instead"),
                 word);
      p->pos = start;
      return TRUE;
    }

  if ((word = accept_any (p, vague_words)) != NULL)
    {
      fail_with (p, JH_TIMING_ERROR_VAGUE,
                 _("“%s” is relative or vague and has no fixed date"),
                 word);
      p->pos = start;
      return TRUE;
    }

  return FALSE;
}

/* 年内, 年中, 年底 must not be read inside 一年中, 今年底, 每年初. */
static gboolean
year_word_allowed (const Parser *p,
                   guint         start)
{
  gunichar before;

  if (!p->running_text)
    return TRUE;

  before = char_before (p, start);
  return !is_numeral (before) &&
         !char_in (before, "每今明去前后本当同历新近往上下该次多半数几跨逐整成周");
}

static gboolean
check_month (Parser *p,
             int     month)
{
  if (month >= 1 && month <= 12)
    return TRUE;

  fail_with (p, JH_TIMING_ERROR_INVALID_DATE, _("there is no month %d"), month);
  return FALSE;
}

static gboolean
check_day (Parser *p,
           int     day)
{
  if (day >= 1 && day <= 31)
    return TRUE;

  fail_with (p, JH_TIMING_ERROR_INVALID_DATE, _("there is no day %d"), day);
  return FALSE;
}

static gboolean
check_quarter (Parser *p,
               int     quarter)
{
  if (quarter >= 1 && quarter <= 4)
    return TRUE;

  fail_with (p, JH_TIMING_ERROR_INVALID_DATE, _("there is no quarter %d"), quarter);
  return FALSE;
}

static const char * const xun_words[] = {
  "上中旬", "中下旬", "上旬", "中旬", "下旬", NULL
};

/* Reads 上旬 … 中下旬, or (after a month) 初, 中, 底, 末. */
static gboolean
parse_xun (Parser   *p,
           gboolean  after_month,
           int      *first,
           int      *last)
{
  guint start = p->pos;
  const char *word = accept_any (p, xun_words);

  if (word != NULL)
    {
      /* The words start with the first 旬 and end with the last. */
      *first = g_str_has_prefix (word, "上") ? 1 : g_str_has_prefix (word, "中") ? 2 : 3;
      *last = g_str_has_suffix (word, "上旬") ? 1 : g_str_has_suffix (word, "中旬") ? 2 : 3;
      return TRUE;
    }

  if (!after_month)
    return FALSE;

  if (accept (p, "初"))
    {
      if (!p->running_text || !chu_starts_word (p))
        {
          *first = *last = 1;
          return TRUE;
        }
    }
  else if (accept (p, "中"))
    {
      if (!p->running_text || !zhong_starts_word (p))
        {
          *first = *last = 2;
          return TRUE;
        }
    }
  else if (accept (p, "底") || accept (p, "末"))
    {
      *first = *last = 3;
      return TRUE;
    }

  p->pos = start;
  return FALSE;
}

static gboolean
parse_holiday (Parser *p,
               Point  *pt)
{
  guint start = p->pos;
  const JhHolidayName *names;
  const JhHolidayName *best = NULL;
  FirstChar first;
  guint n_names;
  glong best_length = 0;
  HolidayMode mode = HOLIDAY_MODE_DAY;
  gboolean marked;

  names = _jh_holiday_get_names (&n_names);
  first_char_init (&first, p);
  for (guint i = 0; i < n_names; i++)
    {
      glong length;

      /* Most positions start no name: only then count characters. */
      if (!may_start (&first, names[i].name) || !looking_at (p, names[i].name))
        continue;

      length = g_utf8_strlen (names[i].name, -1);
      if (length > best_length)
        {
          best = &names[i];
          best_length = length;
        }
    }

  if (best == NULL)
    return FALSE;

  p->pos += best_length;
  marked = g_str_has_suffix (best->name, "节");
  if (!marked && best->holiday != JH_HOLIDAY_TWO_SESSIONS && accept (p, "节"))
    marked = TRUE;

  if (accept (p, "前后"))
    mode = HOLIDAY_MODE_AROUND;
  else if (accept (p, "期间"))
    mode = HOLIDAY_MODE_PERIOD;
  else if (accept (p, "前夕"))
    mode = HOLIDAY_MODE_EVE;
  else if (!accept (p, "当天") && !accept (p, "当日"))
    {
      guint save = p->pos;

      /* A deadline suffix marks it too, but belongs to the item. */
      if (!marked && !accept_deadline_suffix (p))
        {
          if (p->running_text && best->ambiguous)
            {
              gboolean quoted = (p->chs[start].gap & GAP_QUOTE) != 0 &&
                                (p->chs[p->pos].gap & GAP_QUOTE) != 0 &&
                                best->holiday != JH_HOLIDAY_TWO_SESSIONS &&
                                !looking_at (p, "精神") &&
                                !looking_at (p, "运动");

              if (!quoted)
                {
                  p->pos = start;
                  return FALSE;
                }
            }
        }

      p->pos = save;
    }

  pt->kind = POINT_HOLIDAY;
  pt->holiday = best->holiday;
  pt->mode = mode;

  return TRUE;
}

static gboolean
parse_year_prefix (Parser *p,
                   Point  *pt)
{
  guint start = p->pos;
  Number num;

  if (read_number (p, &num) && num.year_like && accept (p, "年"))
    {
      pt->year = num.value;
      pt->explicit_year = TRUE;
      return TRUE;
    }

  p->pos = start;
  return FALSE;
}

static const char * const whole_year_words[] = {
  "全年度", "全年内", "全年", "本年度", "年度内", "年内", NULL
};

static const char * const whole_year_words_after_year[] = {
  "全年度", "全年", "年内", "度内", "内", NULL
};

static const char * const year_part_words[] = {
  "年初", "年中", "年底", "年末", "年终", NULL
};

static const char * const year_part_words_after_year[] = {
  "年初", "年中", "年底", "年末", "年终", "初", "中", "底", "末", "终", NULL
};

static gboolean
parse_year_words (Parser *p,
                  Point  *pt)
{
  guint start = p->pos;
  const char *word;

  word = accept_any (p, pt->explicit_year ? whole_year_words_after_year : whole_year_words);
  if (word != NULL)
    {
      if (pt->explicit_year || !g_str_has_prefix (word, "年") ||
          year_word_allowed (p, start))
        {
          pt->kind = POINT_YEAR;
          return TRUE;
        }
      p->pos = start;
    }

  if (accept (p, "上下半年"))
    {
      pt->kind = POINT_HALF;
      pt->first = 1;
      pt->last = 2;
      return TRUE;
    }

  if (accept (p, "上半年") || accept (p, "下半年"))
    {
      pt->kind = POINT_HALF;
      pt->first = pt->last = p->chs[start].c == 0x4E0A /* 上 */ ? 1 : 2;
      accept (p, "度");
      return TRUE;
    }

  word = accept_any (p, pt->explicit_year ? year_part_words_after_year : year_part_words);
  if (word != NULL)
    {
      gunichar which = g_utf8_get_char (g_str_has_prefix (word, "年") ? g_utf8_next_char (word) : word);

      if (!pt->explicit_year && !year_word_allowed (p, start))
        {
          p->pos = start;
          return FALSE;
        }

      if (p->running_text &&
          ((which == 0x4E2D /* 中 */ && zhong_starts_word (p)) ||
           (which == 0x521D /* 初 */ && chu_starts_word (p))))
        {
          p->pos = start;
          return FALSE;
        }

      pt->kind = POINT_YEAR_PART;
      pt->first = which == 0x521D ? 1 : which == 0x4E2D ? 2 : 3;
      return TRUE;
    }

  p->pos = start;
  return FALSE;
}

static gboolean
parse_quarter (Parser *p,
               Point  *pt)
{
  guint start = p->pos;
  gboolean ordinal = FALSE;
  Number num;

  if (peek (p, 0) == 'Q' && is_digit (peek (p, 1)))
    {
      p->pos++;
      read_number (p, &num);
      if (p->running_text && (is_digit (peek (p, 0)) || is_ascii_letter (peek (p, 0))))
        goto fail;
      /* Q1 goes with Arabic numerals when it borrows or lends a unit. */
      num.script = SCRIPT_ARABIC;
    }
  else
    {
      ordinal = accept (p, "第");
      if (!read_number (p, &num) || num.year_like)
        goto fail;

      if (!accept (p, "季度") && !(ordinal && accept (p, "季")))
        {
          /* "第三、四季度": the 第三 waits for its unit. */
          if (ordinal && looking_at_joiner (p))
            {
              pt->kind = POINT_BARE;
              pt->bare = num.value;
              pt->ordinal = TRUE;
              pt->script = num.script;
              return TRUE;
            }
          goto fail;
        }
    }

  if (!check_quarter (p, num.value))
    goto fail;

  pt->kind = POINT_QUARTER;
  pt->first = pt->last = num.value;
  pt->script = num.script;

  if (accept (p, "初"))
    {
      if (p->running_text && chu_starts_word (p))
        p->pos--;
      else
        pt->part = 1;
    }
  else if (accept (p, "末") || accept (p, "底"))
    {
      pt->part = 3;
    }

  return TRUE;

fail:
  p->pos = start;
  return FALSE;
}

/* After "N月": 上旬, 初, 20日, or a 上/20 waiting for what follows. */
static void
parse_month_suffix (Parser *p,
                    Point  *pt)
{
  guint save = p->pos;
  Number num;
  int first, last;

  if (parse_xun (p, TRUE, &first, &last))
    {
      pt->kind = POINT_XUN;
      pt->first = first;
      pt->last = last;
      return;
    }

  if (read_number (p, &num) && !num.year_like)
    {
      if (accept (p, "日") || accept (p, "号"))
        {
          if (check_day (p, num.value))
            {
              pt->kind = POINT_DAY;
              pt->first = pt->last = num.value;
              return;
            }
        }
      else if (looking_at_joiner (p) && num.script == pt->script)
        {
          /* "5月20-22日", "5月20、21日" */
          pt->kind = POINT_BARE;
          pt->bare = num.value;
          return;
        }
    }
  p->pos = save;

  /* "6月上、中旬" */
  if (char_in (peek (p, 0), "上中下"))
    {
      gunichar c = peek (p, 0);

      p->pos++;
      if (looking_at_joiner (p))
        {
          pt->kind = POINT_BARE;
          pt->bare_prefix = c == 0x4E0A ? 1 : c == 0x4E2D ? 2 : 3;
          return;
        }
      p->pos = save;
    }
}

static gboolean
parse_point_body (Parser *p,
                  Point  *pt)
{
  guint start = p->pos;
  Number num;
  int first, last;

  if (parse_holiday (p, pt))
    return TRUE;

  if (parse_year_words (p, pt))
    return TRUE;

  if (parse_quarter (p, pt))
    return TRUE;

  /* Months, days, dates with dots and bare numbers. */
  if (accept (p, "元"))
    {
      if (peek (p, 0) != 0x6708) /* 月 */
        goto fail;
      num.value = 1;
      num.script = SCRIPT_CHINESE;
      num.year_like = FALSE;
    }
  else if (!read_number (p, &num))
    {
      goto not_a_number;
    }

  if (accept (p, "月"))
    {
      if (num.year_like || !check_month (p, num.value))
        goto fail;

      accept (p, "份");
      pt->kind = POINT_MONTH;
      pt->month = num.value;
      pt->script = num.script;
      parse_month_suffix (p, pt);

      /* "一月一堂课" is a rate. */
      if (p->running_text && pt->kind == POINT_MONTH && is_numeral (peek (p, 0)))
        goto fail;

      return TRUE;
    }

  if (accept (p, "日") || accept (p, "号"))
    {
      if (num.year_like || !check_day (p, num.value))
        goto fail;

      pt->kind = POINT_DAY;
      pt->first = pt->last = num.value;
      pt->script = num.script;
      return TRUE;
    }

  if (num.script == SCRIPT_ARABIC && peek (p, 0) == '.' && is_digit (peek (p, 1)))
    {
      Number month, day;

      p->pos++;
      read_number (p, &month);

      if (num.year_like)
        {
          /* 2027.5.20 */
          if (peek (p, 0) != '.' || !is_digit (peek (p, 1)))
            goto fail;
          p->pos++;
          read_number (p, &day);
          pt->year = num.value;
          pt->explicit_year = TRUE;
        }
      else
        {
          /* 5.20 is only trusted where the text is meant to be a time. */
          if (p->running_text)
            goto fail;
          day = month;
          month = num;
        }

      if (peek (p, 0) == '.' || is_digit (peek (p, 0)) ||
          !check_month (p, month.value) || !check_day (p, day.value))
        goto fail;

      pt->kind = POINT_DAY;
      pt->month = month.value;
      pt->first = pt->last = day.value;
      pt->script = SCRIPT_ARABIC;
      return TRUE;
    }

  if (!num.year_like && looking_at_joiner (p))
    {
      pt->kind = POINT_BARE;
      pt->bare = num.value;
      pt->script = num.script;
      return TRUE;
    }

  goto fail;

not_a_number:
  if (parse_xun (p, FALSE, &first, &last))
    {
      pt->kind = POINT_XUN;
      pt->first = first;
      pt->last = last;
      return TRUE;
    }

  if (looking_at (p, "月初") || looking_at (p, "月中") ||
      looking_at (p, "月底") || looking_at (p, "月末"))
    {
      g_autofree char *word = dup_text (p, p->pos, p->pos + 2);

      fail_with (p, JH_TIMING_ERROR_NO_MONTH, _("“%s” needs a month"), word);
      goto fail;
    }

  /* "上、下半年", "上、中旬" */
  if (char_in (peek (p, 0), "上中下"))
    {
      gunichar c = peek (p, 0);

      p->pos++;
      if (looking_at_joiner (p))
        {
          pt->kind = POINT_BARE;
          pt->bare_prefix = c == 0x4E0A ? 1 : c == 0x4E2D ? 2 : 3;
          return TRUE;
        }
    }

fail:
  p->pos = start;
  return FALSE;
}

static gboolean
parse_point (Parser *p,
             Point  *pt)
{
  guint start = p->pos;

  memset (pt, 0, sizeof *pt);
  pt->start = start;

  if (reject_lunar_or_vague (p))
    return FALSE;

  if (parse_year_prefix (p, pt))
    {
      guint after_year = p->pos;

      if (!reject_lunar_or_vague (p) && parse_point_body (p, pt))
        {
          pt->end = p->pos;
          return TRUE;
        }

      /* A year alone, "2027年" or "2027年度": a heading or a reference
       * in running text, but a fine answer to "when?". */
      p->pos = after_year;
      if (p->running_text)
        {
          p->pos = start;
          return FALSE;
        }

      accept (p, "度");
      pt->kind = POINT_YEAR;
      pt->end = p->pos;
      return TRUE;
    }

  if (!parse_point_body (p, pt))
    {
      p->pos = start;
      return FALSE;
    }

  pt->end = p->pos;
  return TRUE;
}

static gboolean
parse_item (Parser *p,
            Item   *item)
{
  guint start = p->pos;
  gboolean until;

  memset (item, 0, sizeof *item);

  until = accept (p, "截止到") || accept (p, "截至") || accept (p, "截止");

  if (!parse_point (p, &item->first))
    {
      p->pos = start;
      return FALSE;
    }

  if (!until && looking_at_range_joiner (p))
    {
      guint save = p->pos;

      accept_range_joiner (p);
      if (parse_point (p, &item->last))
        item->is_range = TRUE;
      else
        p->pos = save;
    }

  if (!item->is_range)
    {
      if (accept_deadline_suffix (p))
        item->is_deadline = TRUE;
      else if (until)
        item->is_deadline = TRUE;
      accept (p, "为止");
    }

  if (looking_at_open_end (p))
    {
      g_autofree char *text = dup_text (p, start, p->pos);

      fail_with (p, JH_TIMING_ERROR_UNSUPPORTED,
                 _("“%s” with “after” or “from” has no end; give the end as well"),
                 text);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* From points to ranges                                               */
/* ------------------------------------------------------------------ */

/* A bare number or 上/中/下 takes its unit from the point after it. */
static gboolean
borrow_unit (Parser      *p,
             Point       *pt,
             const Point *next,
             Link         link)
{
  if (pt->bare_prefix != 0)
    {
      if (next->kind == POINT_XUN)
        {
          pt->kind = POINT_XUN;
          pt->first = pt->last = pt->bare_prefix;
          return TRUE;
        }

      if (next->kind == POINT_HALF && pt->month == 0 && pt->bare_prefix != 2)
        {
          pt->kind = POINT_HALF;
          pt->first = pt->last = pt->bare_prefix == 1 ? 1 : 2;
          return TRUE;
        }

      return FALSE;
    }

  /* "一、3月" mixes scripts: more likely a heading number than a list. */
  if (pt->script != next->script)
    return FALSE;

  if (pt->month != 0)
    {
      if (next->kind != POINT_DAY || !check_day (p, pt->bare))
        return FALSE;

      pt->kind = POINT_DAY;
      pt->first = pt->last = pt->bare;
      return TRUE;
    }

  if (pt->ordinal && next->kind != POINT_QUARTER)
    return FALSE;

  switch (next->kind)
    {
    case POINT_QUARTER:
      if (!check_quarter (p, pt->bare))
        return FALSE;
      pt->kind = POINT_QUARTER;
      pt->first = pt->last = pt->bare;
      pt->part = link == LINK_LIST ? next->part : 0;
      return TRUE;

    case POINT_MONTH:
    case POINT_XUN:
      if (!check_month (p, pt->bare))
        return FALSE;
      pt->month = pt->bare;
      pt->kind = POINT_MONTH;
      if (next->kind == POINT_XUN && link == LINK_LIST)
        {
          pt->kind = POINT_XUN;
          pt->first = next->first;
          pt->last = next->last;
        }
      return TRUE;

    case POINT_DAY:
      if (next->month == 0)
        {
          if (!check_day (p, pt->bare))
            return FALSE;
          pt->kind = POINT_DAY;
          pt->first = pt->last = pt->bare;
          return TRUE;
        }

      if (!check_month (p, pt->bare))
        return FALSE;
      pt->month = pt->bare;
      pt->kind = POINT_MONTH;
      if (link == LINK_LIST)
        {
          pt->kind = POINT_DAY;
          pt->first = pt->last = next->first;
        }
      return TRUE;

    case POINT_BARE:
    case POINT_YEAR:
    case POINT_HALF:
    case POINT_YEAR_PART:
    case POINT_HOLIDAY:
    default:
      return FALSE;
    }
}

static gboolean
point_to_range (Parser      *p,
                const Point *pt,
                JhTimeRange *range)
{
  guint year = pt->year;
  guint first_month = 1;
  guint last_month = 12;
  guint first_day = 1;
  guint last_day = 0;
  GDate day, period_start, period_end;

  memset (range, 0, sizeof *range);

  switch (pt->kind)
    {
    case POINT_YEAR:
      range->granularity = JH_TIME_GRANULARITY_YEAR;
      break;

    case POINT_HALF:
      first_month = pt->first == 1 ? 1 : 7;
      last_month = pt->last == 1 ? 6 : 12;
      range->granularity = JH_TIME_GRANULARITY_HALF;
      break;

    case POINT_QUARTER:
      first_month = (pt->first - 1) * 3 + 1;
      last_month = pt->last * 3;
      range->granularity = JH_TIME_GRANULARITY_QUARTER;
      if (pt->part == 1)
        {
          last_month = (pt->last - 1) * 3 + 1;
          range->granularity = JH_TIME_GRANULARITY_MONTH;
        }
      else if (pt->part == 3)
        {
          first_month = pt->first * 3;
          range->granularity = JH_TIME_GRANULARITY_MONTH;
        }
      break;

    case POINT_YEAR_PART:
      /* 年中 is June and July: the turn of the halves. */
      first_month = pt->first == 1 ? 1 : pt->first == 2 ? 6 : 12;
      last_month = pt->first == 1 ? 1 : pt->first == 2 ? 7 : 12;
      range->granularity = JH_TIME_GRANULARITY_MONTH;
      break;

    case POINT_MONTH:
      first_month = last_month = pt->month;
      range->granularity = JH_TIME_GRANULARITY_MONTH;
      break;

    case POINT_XUN:
      first_month = last_month = pt->month;
      first_day = (pt->first - 1) * 10 + 1;
      last_day = pt->last == 3 ? days_in_month (year, pt->month) : (guint) pt->last * 10;
      range->granularity = JH_TIME_GRANULARITY_XUN;
      break;

    case POINT_DAY:
      if ((guint) pt->first > days_in_month (year, pt->month))
        {
          fail_with (p, JH_TIMING_ERROR_INVALID_DATE,
                     _("month %d of %u has only %u days"),
                     pt->month, year, days_in_month (year, pt->month));
          return FALSE;
        }
      first_month = last_month = pt->month;
      first_day = last_day = pt->first;
      range->granularity = JH_TIME_GRANULARITY_DAY;
      break;

    case POINT_HOLIDAY:
      if (!_jh_holiday_get_dates (pt->holiday, year, &day, &period_start, &period_end))
        {
          guint first_year, last_year;

          _jh_holiday_get_table_years (&first_year, &last_year);
          fail_with (p, JH_TIMING_ERROR_UNSUPPORTED,
                     _("the date of %s is only known for the years %u to %u"),
                     _jh_holiday_get_display_name (pt->holiday), first_year, last_year);
          return FALSE;
        }

      range->granularity = JH_TIME_GRANULARITY_DAY;
      range->start = day;
      range->end = day;

      switch (pt->mode)
        {
        case HOLIDAY_MODE_DAY:
          /* 两会 is a period of its own; the day alone means nothing. */
          if (pt->holiday == JH_HOLIDAY_TWO_SESSIONS)
            {
              range->start = period_start;
              range->end = period_end;
              range->granularity = JH_TIME_GRANULARITY_XUN;
            }
          break;

        case HOLIDAY_MODE_PERIOD:
          range->start = period_start;
          range->end = period_end;
          if (pt->holiday == JH_HOLIDAY_TWO_SESSIONS)
            range->granularity = JH_TIME_GRANULARITY_XUN;
          break;

        case HOLIDAY_MODE_AROUND:
          range->start = period_start;
          range->end = period_end;
          g_date_subtract_days (&range->start, 3);
          g_date_add_days (&range->end, 3);
          break;

        case HOLIDAY_MODE_EVE:
          range->start = period_start;
          range->end = period_start;
          g_date_subtract_days (&range->start, 3);
          g_date_subtract_days (&range->end, 1);
          break;

        default:
          g_assert_not_reached ();
        }
      return TRUE;

    case POINT_BARE:
    default:
      return FALSE;
    }

  if (first_month < 1 || last_month > 12 || first_month > last_month)
    return FALSE;

  if (last_day == 0)
    last_day = days_in_month (year, last_month);

  set_date (&range->start, year, first_month, first_day);
  set_date (&range->end, year, last_month, last_day);

  return TRUE;
}

static gboolean
resolve_items (Parser     *p,
               const Item *items,
               guint       n_items,
               GArray     *ranges,
               gboolean   *other_year)
{
  g_autofree Item *work = g_memdup2 (items, n_items * sizeof (Item));
  g_autofree Point **points = g_new (Point *, n_items * 2);
  g_autofree Link *links = g_new (Link, n_items * 2);
  guint n = 0;

  *other_year = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      links[n] = LINK_LIST;
      points[n++] = &work[i].first;
      if (work[i].is_range)
        {
          links[n] = LINK_RANGE;
          points[n++] = &work[i].last;
        }
    }

  /* Units flow backwards: "5-7月", "三、四季度". */
  if (points[n - 1]->kind == POINT_BARE)
    return FALSE;

  for (guint i = n - 1; i-- > 0;)
    {
      if (points[i]->kind == POINT_BARE &&
          !borrow_unit (p, points[i], points[i + 1], links[i + 1]))
        return FALSE;
    }

  /* Months and years flow forwards: "6月上旬至中旬", "2026年11月至12月". */
  for (guint i = 0; i < n; i++)
    {
      Point *pt = points[i];

      if (i > 0)
        {
          const Point *prev = points[i - 1];

          if (pt->year == 0 && prev->year != 0)
            {
              pt->year = prev->year;
              pt->explicit_year = prev->explicit_year;
            }

          if ((pt->kind == POINT_XUN || pt->kind == POINT_DAY) && pt->month == 0 &&
              (prev->kind == POINT_MONTH || prev->kind == POINT_XUN || prev->kind == POINT_DAY))
            pt->month = prev->month;
        }

      if ((pt->kind == POINT_XUN || pt->kind == POINT_DAY) && pt->month == 0)
        {
          g_autofree char *text = dup_text (p, pt->start, pt->end);

          fail_with (p, JH_TIMING_ERROR_NO_MONTH, _("“%s” needs a month"), text);
          return FALSE;
        }

      if (pt->year == 0)
        pt->year = p->plan_year;

      if (pt->explicit_year && pt->year != p->plan_year)
        *other_year = TRUE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      const Item *item = &work[i];
      JhTimeRange range, last;

      if (!point_to_range (p, &item->first, &range))
        return FALSE;

      if (item->is_range)
        {
          if (!point_to_range (p, &item->last, &last))
            return FALSE;

          if (g_date_compare (&last.end, &range.start) < 0)
            {
              g_autofree char *text = dup_text (p, item->first.start, item->last.end);

              fail_with (p, JH_TIMING_ERROR_REVERSED,
                         _("“%s” ends before it starts"), text);
              return FALSE;
            }

          range.end = last.end;
          range.granularity = MAX (range.granularity, last.granularity);
        }
      else if (item->is_deadline)
        {
          const Point *pt = &item->first;

          /* "2027年前" and "全年前" say nothing about when. */
          if (pt->kind == POINT_YEAR)
            return FALSE;

          if (pt->kind == POINT_HOLIDAY && pt->mode == HOLIDAY_MODE_DAY)
            {
              if (pt->holiday == JH_HOLIDAY_NEW_YEAR && !pt->explicit_year)
                set_date (&range.end, pt->year, 12, 31);
              else
                {
                  range.end = range.start;
                  g_date_subtract_days (&range.end, 1);
                }
              range.granularity = JH_TIME_GRANULARITY_DAY;
            }

          g_date_clear (&range.start, 1);
          range.is_deadline = TRUE;
        }

      g_array_append_val (ranges, range);
    }

  /* "4月中、下旬" is one stretch of time, "6月中旬和11月下旬" two; in
   * 2020 "中秋、国庆期间" is one, as the two fell on the same day. */
  for (guint i = 1; i < ranges->len;)
    {
      JhTimeRange *a = &g_array_index (ranges, JhTimeRange, i - 1);
      JhTimeRange *b = &g_array_index (ranges, JhTimeRange, i);

      if (!a->is_deadline && !b->is_deadline &&
          a->granularity == b->granularity &&
          g_date_compare (&a->start, &b->start) <= 0 &&
          g_date_days_between (&a->end, &b->start) <= 1)
        {
          if (g_date_compare (&b->end, &a->end) > 0)
            a->end = b->end;
          g_array_remove_index (ranges, i);
        }
      else
        {
          i++;
        }
    }

  return TRUE;
}

static gboolean
accept_list_joiner (Parser *p)
{
  return accept_any (p, list_joiners) != NULL;
}

#define MAX_LIST_ITEMS 16

static gboolean
parse_list (Parser *p,
            Result *result)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  guint start = p->pos;
  Item item;

  if (!parse_item (p, &item))
    return FALSE;

  item.end_pos = p->pos;
  g_array_append_val (items, item);

  /* Plans never list more than a handful of dates; the cap keeps a
   * pathological "1、1、1、…" from costing quadratic time per position. */
  while (items->len < MAX_LIST_ITEMS)
    {
      guint save = p->pos;

      if (!accept_list_joiner (p) || !parse_item (p, &item))
        {
          p->pos = save;
          break;
        }

      item.end_pos = p->pos;
      g_array_append_val (items, item);
    }

  /* A list that does not resolve may still have a prefix that does. */
  for (guint k = items->len; k > 0; k--)
    {
      gboolean other_year = FALSE;

      g_array_set_size (result->ranges, 0);
      if (resolve_items (p, (const Item *) items->data, k, result->ranges, &other_year))
        {
          p->pos = g_array_index (items, Item, k - 1).end_pos;
          result->recurrence = JH_TIME_RECURRENCE_NONE;
          result->other_year = other_year;
          return TRUE;
        }
    }

  g_array_set_size (result->ranges, 0);
  p->pos = start;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Recurrences                                                         */
/* ------------------------------------------------------------------ */

static const char * const unsupported_recurrence_words[] = {
  "每一年", "每年度", "每年", "每一天", "每天", "每日", "每两周", "每2周",
  "每半月", "每旬", NULL
};

static const char * const weekly_words[] = {
  "每个星期", "每一周", "每星期", "每礼拜", "每周", "按周", "逐周", NULL
};

static const char * const bimonthly_words[] = {
  "每隔一个月", "每两个月", "每2个月", "每二个月", "每隔一月", "每两月",
  "每双月", "双月", "隔月", NULL
};

static const char * const half_yearly_words[] = {
  "每半年度", "每半年", NULL
};

static const char * const quarterly_words[] = {
  "每一个季度", "每个季度", "每一季度", "每季度", "按季度", "逐季度",
  "每季", "按季", "逐季", NULL
};

static const char * const monthly_words[] = {
  "每一个月", "每个月", "每月", "按月", "逐月", NULL
};

static gboolean
parse_recurrence (Parser     *p,
                  Recurrence *rec)
{
  guint start = p->pos;
  const char *word;

  memset (rec, 0, sizeof *rec);

  if ((word = accept_any (p, unsupported_recurrence_words)) != NULL)
    {
      fail_with (p, JH_TIMING_ERROR_UNSUPPORTED,
                 _("“%s” does not repeat in a way a year plan can schedule"),
                 word);
      p->pos = start;
      return FALSE;
    }

  if (accept_any (p, weekly_words) != NULL)
    {
      rec->recurrence = JH_TIME_RECURRENCE_WEEKLY;
    }
  else if (accept_any (p, bimonthly_words) != NULL)
    {
      rec->recurrence = JH_TIME_RECURRENCE_BIMONTHLY;
    }
  else if (accept_any (p, half_yearly_words) != NULL)
    {
      rec->recurrence = JH_TIME_RECURRENCE_HALF_YEARLY;
    }
  else if (accept_any (p, quarterly_words) != NULL)
    {
      rec->recurrence = JH_TIME_RECURRENCE_QUARTERLY;
      if (accept (p, "初"))
        {
          if (p->running_text && chu_starts_word (p))
            p->pos--;
          else
            rec->part = 1;
        }
      else if (accept (p, "末") || accept (p, "底"))
        {
          rec->part = 3;
        }
    }
  else if (accept_any (p, monthly_words) != NULL)
    {
      guint save = p->pos;
      Number num;

      rec->recurrence = JH_TIME_RECURRENCE_MONTHLY;

      if (!parse_xun (p, TRUE, &rec->xun_first, &rec->xun_last))
        {
          if (read_number (p, &num) && !num.year_like &&
              (accept (p, "日") || accept (p, "号")))
            {
              if (!check_day (p, num.value))
                {
                  p->pos = start;
                  return FALSE;
                }
              rec->day = num.value;
            }
          else
            {
              p->pos = save;
            }
        }
    }
  else
    {
      p->pos = start;
      return FALSE;
    }

  rec->is_deadline = accept_deadline_suffix (p);

  return TRUE;
}

static void
append_range (GArray            *ranges,
              guint              year,
              guint              first_month,
              guint              first_day,
              guint              last_month,
              guint              last_day,
              JhTimeGranularity  granularity,
              gboolean           is_deadline)
{
  JhTimeRange range;

  memset (&range, 0, sizeof range);
  if (last_day == 0)
    last_day = days_in_month (year, last_month);

  set_date (&range.start, year, first_month, first_day);
  set_date (&range.end, year, last_month, last_day);
  range.granularity = granularity;

  if (is_deadline)
    {
      g_date_clear (&range.start, 1);
      range.is_deadline = TRUE;
    }

  g_array_append_val (ranges, range);
}

static void
expand_recurrence (const Recurrence *rec,
                   guint             year,
                   GArray           *ranges)
{
  switch (rec->recurrence)
    {
    case JH_TIME_RECURRENCE_WEEKLY:
      {
        GDate start, end;

        /* Weeks run Monday to Sunday; the first and last are clipped. */
        set_date (&start, year, 1, 1);
        while (g_date_get_year (&start) == year)
          {
            JhTimeRange range;

            memset (&range, 0, sizeof range);
            end = start;
            g_date_add_days (&end, G_DATE_SUNDAY - g_date_get_weekday (&start));
            if (g_date_get_year (&end) != year)
              set_date (&end, year, 12, 31);

            range.start = start;
            range.end = end;
            range.granularity = JH_TIME_GRANULARITY_DAY;
            if (rec->is_deadline)
              {
                g_date_clear (&range.start, 1);
                range.is_deadline = TRUE;
              }
            g_array_append_val (ranges, range);

            start = end;
            g_date_add_days (&start, 1);
          }
      }
      break;

    case JH_TIME_RECURRENCE_MONTHLY:
      for (guint month = 1; month <= 12; month++)
        {
          if (rec->xun_first != 0)
            {
              guint last_day = rec->xun_last == 3 ? 0 : (guint) rec->xun_last * 10;

              append_range (ranges, year, month, (rec->xun_first - 1) * 10 + 1,
                            month, last_day, JH_TIME_GRANULARITY_XUN, rec->is_deadline);
            }
          else if (rec->day != 0)
            {
              /* "每月30日" in February means its last day. */
              guint day = MIN ((guint) rec->day, days_in_month (year, month));

              append_range (ranges, year, month, day, month, day,
                            JH_TIME_GRANULARITY_DAY, rec->is_deadline);
            }
          else
            {
              append_range (ranges, year, month, 1, month, 0,
                            JH_TIME_GRANULARITY_MONTH, rec->is_deadline);
            }
        }
      break;

    case JH_TIME_RECURRENCE_BIMONTHLY:
      for (guint month = 1; month <= 11; month += 2)
        append_range (ranges, year, month, 1, month + 1, 0,
                      JH_TIME_GRANULARITY_MONTH, rec->is_deadline);
      break;

    case JH_TIME_RECURRENCE_QUARTERLY:
      for (guint quarter = 1; quarter <= 4; quarter++)
        {
          guint first = (quarter - 1) * 3 + 1;
          guint last = quarter * 3;

          if (rec->part == 1)
            append_range (ranges, year, first, 1, first, 0,
                          JH_TIME_GRANULARITY_MONTH, rec->is_deadline);
          else if (rec->part == 3)
            append_range (ranges, year, last, 1, last, 0,
                          JH_TIME_GRANULARITY_MONTH, rec->is_deadline);
          else
            append_range (ranges, year, first, 1, last, 0,
                          JH_TIME_GRANULARITY_QUARTER, rec->is_deadline);
        }
      break;

    case JH_TIME_RECURRENCE_HALF_YEARLY:
      append_range (ranges, year, 1, 1, 6, 0, JH_TIME_GRANULARITY_HALF, rec->is_deadline);
      append_range (ranges, year, 7, 1, 12, 0, JH_TIME_GRANULARITY_HALF, rec->is_deadline);
      break;

    case JH_TIME_RECURRENCE_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_expression (Parser *p,
                  Result *result)
{
  guint start = p->pos;
  Recurrence rec;

  if (parse_recurrence (p, &rec))
    {
      g_array_set_size (result->ranges, 0);
      expand_recurrence (&rec, p->plan_year, result->ranges);
      result->recurrence = rec.recurrence;
      result->other_year = FALSE;
      return TRUE;
    }

  p->pos = start;
  return parse_list (p, result);
}

/* ------------------------------------------------------------------ */
/* Parsing and finding                                                 */
/* ------------------------------------------------------------------ */

/**
 * jh_timing_parse:
 * @text: a time expression, such as "6月中旬和11月下旬" or "国庆前"
 * @plan_year: the year of the plan the expression belongs to
 * @error: return location for a #JH_TIMING_ERROR
 *
 * Reads the whole of @text as one time expression.  Surrounding spaces
 * and punctuation are ignored; anything else that is not understood
 * makes the whole expression fail, with a message that says why.
 *
 * Returns: (transfer full): the timing, or %NULL with @error set
 */
JhTiming *
jh_timing_parse (const char  *text,
                 guint        plan_year,
                 GError     **error)
{
  g_autoptr(GArray) chs = NULL;
  g_autoptr(GArray) ranges = NULL;
  Parser p = { 0, };
  Result result = { 0, };
  guint first = 0;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plan_year >= 1000 && plan_year <= 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, JH_TIMING_ERROR, JH_TIMING_ERROR_UNRECOGNIZED,
                           _("The time expression is not valid UTF-8 text"));
      return NULL;
    }

  chs = normalise (text);
  n = chs->len - 1;

  /* "第一季度：" and "6月底前。" are what people type into a field. */
  while (n > 0 && char_in (g_array_index (chs, Ch, n - 1).c, "，。；：、！？."))
    n--;
  while (first < n && char_in (g_array_index (chs, Ch, first).c, "，。；：、！？"))
    first++;

  if (first == n)
    {
      g_set_error_literal (error, JH_TIMING_ERROR, JH_TIMING_ERROR_EMPTY,
                           _("There is no time expression to read"));
      return NULL;
    }

  p.chs = (const Ch *) chs->data;
  p.n = n;
  p.pos = first;
  p.plan_year = plan_year;
  p.running_text = FALSE;

  ranges = g_array_new (FALSE, TRUE, sizeof (JhTimeRange));
  result.ranges = ranges;

  if (parse_expression (&p, &result) && p.pos == n)
    {
      g_free (p.error_reason);
      return timing_new (text, -1, plan_year, g_steal_pointer (&ranges),
                         result.recurrence, result.other_year);
    }

  if (p.error_reason == NULL)
    {
      if (result.ranges->len > 0 && p.pos > first && p.pos < n)
        {
          g_autofree char *head = dup_text (&p, first, p.pos);

          p.error_code = JH_TIMING_ERROR_UNRECOGNIZED;
          p.error_reason = g_strdup_printf (_("nothing after “%s” is understood"), head);
        }
      else
        {
          p.error_code = JH_TIMING_ERROR_UNRECOGNIZED;
          p.error_reason = g_strdup (_("no date, period, holiday or recurrence was recognised"));
        }
    }

  g_set_error (error, JH_TIMING_ERROR, p.error_code,
               _("“%s” is not a time expression Jihua understands: %s"),
               text, p.error_reason);
  g_free (p.error_reason);

  return NULL;
}

static gboolean
is_bullet (gunichar c)
{
  return c == '-' || c == '*' || char_in (c, "•·●○■□◆◇▪");
}

/* "1、" or "1." opening a paragraph or a sentence numbers it.  After a
 * colon it is more likely a list ("时间：1、2月份"), so it is not skipped. */
static guint
enumerator_length (const Ch *chs,
                   guint     n,
                   guint     i)
{
  guint k = 0;
  gboolean clause_start;

  while (i + k < n && is_digit (chs[i + k].c) && k < 3)
    k++;

  if (k == 0 || k > 2 || i + k >= n)
    return 0;

  if (chs[i + k].c != 0x3001 /* 、 */ && chs[i + k].c != '.')
    return 0;

  clause_start = i == 0 ||
                 (chs[i].gap & GAP_NEWLINE) != 0 ||
                 char_in (chs[i - 1].c, "。；！？") ||
                 (is_bullet (chs[i - 1].c) &&
                  (i == 1 || (chs[i - 1].gap & GAP_NEWLINE) != 0));

  return clause_start ? k + 1 : 0;
}

/* "明年3月" is not March of the plan year, and not ours to place. */
static gboolean
after_other_year (const Parser *p,
                  guint         i)
{
  static const char * const words[] = {
    "下一年", "上一年", "明年", "去年", "次年", "来年", "前年", "后年",
    "上年", "翌年", NULL
  };

  for (guint k = 0; words[k] != NULL; k++)
    {
      guint length = g_utf8_strlen (words[k], -1);
      Parser q = *p;

      if (length > i || (p->chs[i].gap & GAP_SPACE) != 0)
        continue;

      q.pos = i - length;
      q.n = i;
      if (looking_at (&q, words[k]))
        return TRUE;
    }

  return FALSE;
}

/* Never start inside a number or a word of Latin letters. */
static gboolean
can_start (const Ch *chs,
           guint     i)
{
  gunichar c = chs[i].c;
  gunichar before;

  if (i == 0 || (chs[i].gap & GAP_SPACE) != 0)
    return TRUE;

  before = chs[i - 1].c;

  if (is_digit (c) || c == 'Q')
    return !is_digit (before) && before != '.' && !is_ascii_letter (before);

  if (is_numeral (c))
    return !is_numeral (before);

  return TRUE;
}

/**
 * jh_timing_find:
 * @text: running text, such as a paragraph of a plan
 * @plan_year: the year of the plan
 *
 * Finds the time expressions in @text, longest first and left to right,
 * without overlaps.  The finder is stricter than jh_timing_parse(): it
 * skips what is only a time in a field of its own ("5.20", "2027年"),
 * enumerators ("1、2月下旬" finds 2月下旬) and words that are also
 * something else ("五四路").  Expressions that do not parse, such as
 * "2月30日", are not found.
 *
 * Returns: (transfer full) (element-type JhTimingMatch): the matches
 */
GPtrArray *
jh_timing_find (const char *text,
                guint       plan_year)
{
  g_autoptr(GArray) chs = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  Parser p = { 0, };
  Result result = { 0, };
  gboolean after_enumerator = FALSE;
  guint para_end = 0;
  guint i = 0;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plan_year >= 1000 && plan_year <= 9999, NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_timing_match_free);

  if (!g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&matches);

  chs = normalise (text);

  p.chs = (const Ch *) chs->data;
  n = chs->len - 1;
  p.n = n;
  p.plan_year = plan_year;
  p.running_text = TRUE;

  result.ranges = g_array_new (FALSE, TRUE, sizeof (JhTimeRange));

  while (i < n)
    {
      guint skip = enumerator_length (p.chs, n, i);
      gboolean found = FALSE;

      if (skip > 0)
        {
          i += skip;
          after_enumerator = TRUE;
          continue;
        }

      if (after_enumerator || can_start (p.chs, i))
        {
          /* An expression never runs on into the next paragraph: in
           * "第一季度\n- 1、2月下旬" the bullet is not a range joiner. */
          if (i >= para_end)
            {
              para_end = i + 1;
              while (para_end < n && (p.chs[para_end].gap & GAP_NEWLINE) == 0)
                para_end++;
            }

          p.n = para_end;
          p.pos = i;
          found = parse_expression (&p, &result) && p.pos > i &&
                  !looking_at_open_end (&p) && !after_other_year (&p, i);
        }
      after_enumerator = FALSE;

      if (found)
        {
          const Ch *first = &p.chs[i];
          const Ch *last = &p.chs[p.pos - 1];
          const Ch *next = &p.chs[p.pos];
          JhTimingMatch *match = g_new0 (JhTimingMatch, 1);
          gsize byte_start = first->byte;
          gsize byte_end = last->byte_end;
          glong chr_start = first->chr;
          glong chr_end = last->chr + 1;
          guint n_quotes = 0;
          GArray *ranges;

          /* Keep quotes balanced: "劳动节、“七一”" ends after the ” and
           * "“两会”期间" starts at the “. */
          for (guint k = i + 1; k < p.pos; k++)
            {
              if ((p.chs[k].gap & GAP_QUOTE) != 0)
                n_quotes++;
            }

          if (n_quotes % 2 == 1)
            {
              if ((first->gap & GAP_QUOTE) != 0)
                {
                  byte_start = first->quote_byte;
                  chr_start = first->quote_chr;
                }
              else if ((next->gap & GAP_QUOTE) != 0)
                {
                  byte_end = next->quote_byte_end;
                  chr_end = next->quote_chr_end;
                }
            }

          match->offset = byte_start;
          match->length = byte_end - byte_start;
          match->char_offset = chr_start;
          match->char_length = chr_end - chr_start;

          ranges = g_array_sized_new (FALSE, TRUE, sizeof (JhTimeRange), result.ranges->len);
          g_array_append_vals (ranges, result.ranges->data, result.ranges->len);
          match->timing = timing_new (text + match->offset, match->length, plan_year,
                                      ranges, result.recurrence, result.other_year);
          g_ptr_array_add (matches, match);

          i = p.pos;
        }
      else
        {
          i++;
        }
    }

  g_array_unref (result.ranges);

  return g_steal_pointer (&matches);
}

/* ------------------------------------------------------------------ */
/* Writing times back                                                  */
/* ------------------------------------------------------------------ */

static const char * const cn_small_numbers[] = {
  "〇", "一", "二", "三", "四"
};

static const char * const xun_names[] = {
  NULL, "上旬", "中旬", "下旬"
};

static void
append_year (GString *s,
             guint    year,
             guint    plan_year)
{
  if (year != plan_year)
    g_string_append_printf (s, "%u年", year);
}

static int
xun_of_day (guint day)
{
  return day <= 10 ? 1 : day <= 20 ? 2 : 3;
}

static void
append_deadline (GString           *s,
                 const JhTimeRange *range,
                 guint              plan_year)
{
  guint year = g_date_get_year (&range->end);
  guint month = g_date_get_month (&range->end);
  guint day = g_date_get_day (&range->end);

  if (range->granularity == JH_TIME_GRANULARITY_DAY)
    {
      append_year (s, year, plan_year);
      g_string_append_printf (s, "%u月%u日前", month, day);
      return;
    }

  if (month == 12 && day == 31)
    {
      if (year != plan_year)
        g_string_append_printf (s, "%u年底前", year);
      else
        g_string_append (s, "年底前");
      return;
    }

  append_year (s, year, plan_year);

  if (g_date_is_last_of_month (&range->end))
    g_string_append_printf (s, "%u月底前", month);
  else if (day == 10 || day == 20)
    g_string_append_printf (s, "%u月%s前", month, xun_names[xun_of_day (day)]);
  else
    g_string_append_printf (s, "%u月%u日前", month, day);
}

/**
 * jh_timing_format_range:
 * @range: a range
 * @plan_year: the year of the plan; other years are written out
 *
 * Writes @range the way a plan would: "第三季度", "6月上旬至中旬",
 * "5月20日", "6月底前".  The words follow the dates, not the stated
 * granularity: the coarsest unit both ends fall on is used, so a range
 * snapped to 旬 that covers all of June reads "6月".  The result parses
 * back to the same dates.
 *
 * Returns: (transfer full): the text
 */
char *
jh_timing_format_range (const JhTimeRange *range,
                        guint              plan_year)
{
  GString *s;
  const GDate *start;
  const GDate *end;
  guint sy, sm, sd, ey, em, ed;
  JhTimeGranularity unit;
  gboolean same_month;

  g_return_val_if_fail (range != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&range->end), NULL);

  s = g_string_new (NULL);

  if (range->is_deadline)
    {
      append_deadline (s, range, plan_year);
      return g_string_free (s, FALSE);
    }

  g_return_val_if_fail (g_date_valid (&range->start), g_string_free (s, TRUE));

  start = &range->start;
  end = &range->end;
  sy = g_date_get_year (start);
  sm = g_date_get_month (start);
  sd = g_date_get_day (start);
  ey = g_date_get_year (end);
  em = g_date_get_month (end);
  ed = g_date_get_day (end);
  same_month = sy == ey && sm == em;

  unit = MAX (coarsest_alignment (start, FALSE), coarsest_alignment (end, TRUE));
  if (sy != ey && unit < JH_TIME_GRANULARITY_MONTH)
    unit = JH_TIME_GRANULARITY_MONTH;

  append_year (s, sy, plan_year);

  switch (unit)
    {
    case JH_TIME_GRANULARITY_YEAR:
      g_string_append (s, "全年");
      break;

    case JH_TIME_GRANULARITY_HALF:
      g_string_append (s, sm == 1 ? "上半年" : "下半年");
      break;

    case JH_TIME_GRANULARITY_QUARTER:
      {
        guint q1 = (sm - 1) / 3 + 1;
        guint q2 = (em - 1) / 3 + 1;

        g_string_append_printf (s, "第%s", cn_small_numbers[q1]);
        if (q2 != q1)
          g_string_append_printf (s, "至%s", cn_small_numbers[q2]);
        g_string_append (s, "季度");
      }
      break;

    case JH_TIME_GRANULARITY_MONTH:
      if (same_month)
        g_string_append_printf (s, "%u月", sm);
      else if (sy == ey)
        g_string_append_printf (s, "%u月至%u月", sm, em);
      else
        g_string_append_printf (s, "%u月至%u年%u月", sm, ey, em);
      break;

    case JH_TIME_GRANULARITY_XUN:
      g_string_append_printf (s, "%u月%s", sm, xun_names[xun_of_day (sd)]);
      if (same_month && xun_of_day (sd) == xun_of_day (ed))
        break;
      g_string_append (s, "至");
      if (!same_month)
        {
          /* The end inherits the start's year unless told otherwise. */
          if (ey != sy)
            g_string_append_printf (s, "%u年", ey);
          g_string_append_printf (s, "%u月", em);
        }
      g_string_append (s, xun_names[xun_of_day (ed)]);
      break;

    case JH_TIME_GRANULARITY_DAY:
    default:
      g_string_append_printf (s, "%u月%u日", sm, sd);
      if (g_date_compare (start, end) == 0)
        break;
      g_string_append (s, "至");
      if (!same_month)
        {
          /* The end inherits the start's year unless told otherwise. */
          if (ey != sy)
            g_string_append_printf (s, "%u年", ey);
          g_string_append_printf (s, "%u月", em);
        }
      g_string_append_printf (s, "%u日", ed);
      break;
    }

  return g_string_free (s, FALSE);
}

static void
append_recurrence (GString  *s,
                   JhTiming *self)
{
  const JhTimeRange *first = &g_array_index (self->ranges, JhTimeRange, 0);
  guint end_day = g_date_get_day (&first->end);

  switch (self->recurrence)
    {
    case JH_TIME_RECURRENCE_WEEKLY:
      g_string_append (s, "每周");
      break;

    case JH_TIME_RECURRENCE_MONTHLY:
      g_string_append (s, "每月");
      if (first->is_deadline)
        {
          if (first->granularity == JH_TIME_GRANULARITY_DAY)
            g_string_append_printf (s, "%u日", end_day);
          else if (first->granularity == JH_TIME_GRANULARITY_XUN && end_day <= 20)
            g_string_append (s, xun_names[xun_of_day (end_day)]);
          else
            g_string_append (s, "底");
        }
      else if (first->granularity == JH_TIME_GRANULARITY_DAY)
        {
          g_string_append_printf (s, "%u日", end_day);
        }
      else if (first->granularity == JH_TIME_GRANULARITY_XUN)
        {
          int a = xun_of_day (g_date_get_day (&first->start));
          int b = xun_of_day (end_day);

          if (a == b)
            g_string_append (s, xun_names[a]);
          else
            g_string_append (s, a == 1 ? (b == 2 ? "上中旬" : "") : "中下旬");
        }
      break;

    case JH_TIME_RECURRENCE_BIMONTHLY:
      g_string_append (s, "每两个月");
      break;

    case JH_TIME_RECURRENCE_QUARTERLY:
      g_string_append (s, "每季度");
      if (first->is_deadline)
        g_string_append (s, "末");
      else if (first->granularity == JH_TIME_GRANULARITY_MONTH)
        g_string_append (s, g_date_get_month (&first->start) == 1 ? "初" : "末");
      break;

    case JH_TIME_RECURRENCE_HALF_YEARLY:
      g_string_append (s, "每半年");
      break;

    case JH_TIME_RECURRENCE_NONE:
    default:
      g_assert_not_reached ();
    }

  if (first->is_deadline)
    g_string_append (s, "前");
}

/**
 * jh_timing_format:
 * @self: a timing
 *
 * Writes @self in the plan's vocabulary: a recurrence as "每月上旬",
 * several ranges as "5月1日、5月4日和7月1日".
 *
 * Returns: (transfer full): the text
 */
char *
jh_timing_format (JhTiming *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (NULL);

  if (self->recurrence != JH_TIME_RECURRENCE_NONE)
    {
      append_recurrence (s, self);
      return g_string_free (s, FALSE);
    }

  for (guint i = 0; i < self->ranges->len; i++)
    {
      g_autofree char *part = NULL;

      part = jh_timing_format_range (&g_array_index (self->ranges, JhTimeRange, i),
                                     self->plan_year);
      if (i > 0)
        g_string_append (s, i + 1 == self->ranges->len ? "和" : "、");
      g_string_append (s, part);
    }

  return g_string_free (s, FALSE);
}
