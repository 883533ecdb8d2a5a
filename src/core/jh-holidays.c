/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-holidays-private.h"

/*
 * Lunar holidays and 清明 for the years plans are written for.
 *
 * The dates are tabulated rather than computed: a lunar calendar
 * computation is a few hundred lines of astronomy, and a table is
 * something a reviewer can check against a printed almanac.  Every entry
 * was computed from precise new-moon and solar-longitude times (PyEphem,
 * VSOP87/ELP2000, reckoned in Beijing time, UTC+8, with the leap-month
 * rule of GB/T 33661-2017) and cross-checked against the Debian `lunar`
 * tool's tables; all agree.  ICU's Chinese calendar differs only in
 * 2027 and 2030, where the new moon falls within ten minutes of Beijing
 * midnight (2027-02-06 23:56 and 2030-02-03 00:07) and ICU's
 * low-precision astronomy lands on the wrong side; the almanac dates are
 * 春节 2027-02-06 and 2030-02-03, as here.  The leap month of 2033
 * (the "2033 problem") is 闰十一月, so 中秋 2033 is 09-08 and 重阳
 * 2033 is 10-01.
 *
 * 元宵 is always 14 days after 春节 and 除夕 the day before, so they
 * are derived rather than stored.
 */
typedef struct
{
  guint16 year;
  guint8  spring_month;       /* 春节, 正月初一 */
  guint8  spring_day;
  guint8  qingming_day;       /* 清明, always in April */
  guint8  dragon_boat_month;  /* 端午, 五月初五 */
  guint8  dragon_boat_day;
  guint8  mid_autumn_month;   /* 中秋, 八月十五 */
  guint8  mid_autumn_day;
  guint8  double_ninth_month; /* 重阳, 九月初九 */
  guint8  double_ninth_day;
} LunarYear;

static const LunarYear lunar_years[] = {
  { 2020,  1, 25, 4, 6, 25, 10,  1, 10, 25 },
  { 2021,  2, 12, 4, 6, 14,  9, 21, 10, 14 },
  { 2022,  2,  1, 5, 6,  3,  9, 10, 10,  4 },
  { 2023,  1, 22, 5, 6, 22,  9, 29, 10, 23 },
  { 2024,  2, 10, 4, 6, 10,  9, 17, 10, 11 },
  { 2025,  1, 29, 4, 5, 31, 10,  6, 10, 29 },
  { 2026,  2, 17, 5, 6, 19,  9, 25, 10, 18 },
  { 2027,  2,  6, 5, 6,  9,  9, 15, 10,  8 },
  { 2028,  1, 26, 4, 5, 28, 10,  3, 10, 26 },
  { 2029,  2, 13, 4, 6, 16,  9, 22, 10, 16 },
  { 2030,  2,  3, 5, 6,  5,  9, 12, 10,  5 },
  { 2031,  1, 23, 5, 6, 24, 10,  1, 10, 24 },
  { 2032,  2, 11, 4, 6, 12,  9, 19, 10, 12 },
  { 2033,  1, 31, 4, 6,  1,  9,  8, 10,  1 },
  { 2034,  2, 19, 5, 6, 20,  9, 27, 10, 20 },
  { 2035,  2,  8, 5, 6, 10,  9, 16, 10,  9 },
  { 2036,  1, 28, 4, 5, 30, 10,  4, 10, 27 },
  { 2037,  2, 15, 4, 6, 18,  9, 24, 10, 17 },
  { 2038,  2,  4, 5, 6,  7,  9, 13, 10,  7 },
  { 2039,  1, 24, 5, 5, 27, 10,  2, 10, 26 },
  { 2040,  2, 12, 4, 6, 14,  9, 20, 10, 14 },
};

/*
 * Several names for one holiday, the long official ones included so
 * that "五一国际劳动节" is one match and not 五一 followed by noise.
 */
static const JhHolidayName holiday_names[] = {
  { "元旦节", JH_HOLIDAY_NEW_YEAR, FALSE },
  { "元旦", JH_HOLIDAY_NEW_YEAR, FALSE },
  { "除夕", JH_HOLIDAY_SPRING_EVE, FALSE },
  { "春节", JH_HOLIDAY_SPRING_FESTIVAL, FALSE },
  { "元宵节", JH_HOLIDAY_LANTERN, FALSE },
  { "元宵", JH_HOLIDAY_LANTERN, FALSE },
  /* "学习全国两会精神" is about what was decided, not when. */
  { "全国两会", JH_HOLIDAY_TWO_SESSIONS, TRUE },
  { "两会", JH_HOLIDAY_TWO_SESSIONS, TRUE },
  { "三八国际妇女节", JH_HOLIDAY_WOMENS_DAY, FALSE },
  { "三八妇女节", JH_HOLIDAY_WOMENS_DAY, FALSE },
  { "国际妇女节", JH_HOLIDAY_WOMENS_DAY, FALSE },
  { "妇女节", JH_HOLIDAY_WOMENS_DAY, FALSE },
  { "三八节", JH_HOLIDAY_WOMENS_DAY, FALSE },
  { "三八", JH_HOLIDAY_WOMENS_DAY, TRUE },
  { "清明节", JH_HOLIDAY_QINGMING, FALSE },
  { "清明", JH_HOLIDAY_QINGMING, TRUE },
  { "五一国际劳动节", JH_HOLIDAY_LABOUR_DAY, FALSE },
  { "五一劳动节", JH_HOLIDAY_LABOUR_DAY, FALSE },
  { "国际劳动节", JH_HOLIDAY_LABOUR_DAY, FALSE },
  { "劳动节", JH_HOLIDAY_LABOUR_DAY, FALSE },
  { "五一节", JH_HOLIDAY_LABOUR_DAY, FALSE },
  { "五一", JH_HOLIDAY_LABOUR_DAY, TRUE },
  { "五四青年节", JH_HOLIDAY_YOUTH_DAY, FALSE },
  { "青年节", JH_HOLIDAY_YOUTH_DAY, FALSE },
  { "五四", JH_HOLIDAY_YOUTH_DAY, TRUE },
  { "六一国际儿童节", JH_HOLIDAY_CHILDRENS_DAY, FALSE },
  { "六一儿童节", JH_HOLIDAY_CHILDRENS_DAY, FALSE },
  { "国际儿童节", JH_HOLIDAY_CHILDRENS_DAY, FALSE },
  { "儿童节", JH_HOLIDAY_CHILDRENS_DAY, FALSE },
  { "六一", JH_HOLIDAY_CHILDRENS_DAY, TRUE },
  { "端午节", JH_HOLIDAY_DRAGON_BOAT, FALSE },
  { "端午", JH_HOLIDAY_DRAGON_BOAT, FALSE },
  { "七一建党节", JH_HOLIDAY_PARTY_DAY, FALSE },
  { "建党节", JH_HOLIDAY_PARTY_DAY, FALSE },
  { "七一", JH_HOLIDAY_PARTY_DAY, TRUE },
  { "八一建军节", JH_HOLIDAY_ARMY_DAY, FALSE },
  { "建军节", JH_HOLIDAY_ARMY_DAY, FALSE },
  { "八一", JH_HOLIDAY_ARMY_DAY, TRUE },
  { "中秋节", JH_HOLIDAY_MID_AUTUMN, FALSE },
  { "中秋", JH_HOLIDAY_MID_AUTUMN, FALSE },
  { "国庆节", JH_HOLIDAY_NATIONAL_DAY, FALSE },
  { "国庆", JH_HOLIDAY_NATIONAL_DAY, FALSE },
  { "重阳节", JH_HOLIDAY_DOUBLE_NINTH, FALSE },
  { "重阳", JH_HOLIDAY_DOUBLE_NINTH, FALSE },
};

static const char * const display_names[] = {
  [JH_HOLIDAY_NEW_YEAR] = "元旦",
  [JH_HOLIDAY_SPRING_EVE] = "除夕",
  [JH_HOLIDAY_SPRING_FESTIVAL] = "春节",
  [JH_HOLIDAY_LANTERN] = "元宵",
  [JH_HOLIDAY_TWO_SESSIONS] = "两会",
  [JH_HOLIDAY_WOMENS_DAY] = "三八",
  [JH_HOLIDAY_QINGMING] = "清明",
  [JH_HOLIDAY_LABOUR_DAY] = "五一",
  [JH_HOLIDAY_YOUTH_DAY] = "五四",
  [JH_HOLIDAY_CHILDRENS_DAY] = "六一",
  [JH_HOLIDAY_DRAGON_BOAT] = "端午",
  [JH_HOLIDAY_PARTY_DAY] = "七一",
  [JH_HOLIDAY_ARMY_DAY] = "八一",
  [JH_HOLIDAY_MID_AUTUMN] = "中秋",
  [JH_HOLIDAY_NATIONAL_DAY] = "国庆",
  [JH_HOLIDAY_DOUBLE_NINTH] = "重阳",
};

const JhHolidayName *
_jh_holiday_get_names (guint *n_names)
{
  g_return_val_if_fail (n_names != NULL, NULL);

  *n_names = G_N_ELEMENTS (holiday_names);
  return holiday_names;
}

const char *
_jh_holiday_get_display_name (JhHoliday holiday)
{
  g_return_val_if_fail (holiday <= JH_HOLIDAY_DOUBLE_NINTH, NULL);

  return display_names[holiday];
}

gboolean
_jh_holiday_is_lunar (JhHoliday holiday)
{
  switch (holiday)
    {
    case JH_HOLIDAY_SPRING_EVE:
    case JH_HOLIDAY_SPRING_FESTIVAL:
    case JH_HOLIDAY_LANTERN:
    case JH_HOLIDAY_QINGMING:
    case JH_HOLIDAY_DRAGON_BOAT:
    case JH_HOLIDAY_MID_AUTUMN:
    case JH_HOLIDAY_DOUBLE_NINTH:
      /* 清明 is a solar term, not a lunar date, but it moves between
       * 4 and 5 April and so lives in the same table. */
      return TRUE;

    case JH_HOLIDAY_NEW_YEAR:
    case JH_HOLIDAY_TWO_SESSIONS:
    case JH_HOLIDAY_WOMENS_DAY:
    case JH_HOLIDAY_LABOUR_DAY:
    case JH_HOLIDAY_YOUTH_DAY:
    case JH_HOLIDAY_CHILDRENS_DAY:
    case JH_HOLIDAY_PARTY_DAY:
    case JH_HOLIDAY_ARMY_DAY:
    case JH_HOLIDAY_NATIONAL_DAY:
    default:
      return FALSE;
    }
}

void
_jh_holiday_get_table_years (guint *first_year,
                             guint *last_year)
{
  if (first_year != NULL)
    *first_year = lunar_years[0].year;
  if (last_year != NULL)
    *last_year = lunar_years[G_N_ELEMENTS (lunar_years) - 1].year;
}

static const LunarYear *
lookup_lunar_year (guint year)
{
  if (year < lunar_years[0].year)
    return NULL;

  year -= lunar_years[0].year;
  if (year >= G_N_ELEMENTS (lunar_years))
    return NULL;

  g_assert (lunar_years[year].year == year + lunar_years[0].year);

  return &lunar_years[year];
}

/**
 * _jh_holiday_get_dates:
 * @holiday: a holiday
 * @year: the Gregorian year
 * @day: (out): the holiday itself (for 两会, the start of 3月上旬)
 * @period_start: (out): the first day of the customary period (期间)
 * @period_end: (out): the last day of that period
 *
 * The period is what plans mean by "X期间": the 7 days of the National
 * Day holiday, 5月1日–5日, 除夕 to 正月初六 for 春节, 3月上旬 for 两会,
 * and the day itself for one-day holidays.  The yearly holiday
 * arrangements of the State Council shift these by a day or two and are
 * not modelled.
 *
 * Returns: %FALSE if the date of a lunar holiday is not known for @year
 */
gboolean
_jh_holiday_get_dates (JhHoliday  holiday,
                       guint      year,
                       GDate     *day,
                       GDate     *period_start,
                       GDate     *period_end)
{
  const LunarYear *lunar = NULL;
  guint period_days = 1;

  g_return_val_if_fail (holiday <= JH_HOLIDAY_DOUBLE_NINTH, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (period_start != NULL, FALSE);
  g_return_val_if_fail (period_end != NULL, FALSE);

  if (!g_date_valid_year (year))
    return FALSE;

  if (_jh_holiday_is_lunar (holiday))
    {
      lunar = lookup_lunar_year (year);
      if (lunar == NULL)
        return FALSE;
    }

  g_date_clear (day, 1);

  switch (holiday)
    {
    case JH_HOLIDAY_NEW_YEAR:
      g_date_set_dmy (day, 1, G_DATE_JANUARY, year);
      break;

    case JH_HOLIDAY_SPRING_EVE:
      g_date_set_dmy (day, lunar->spring_day, lunar->spring_month, year);
      g_date_subtract_days (day, 1);
      break;

    case JH_HOLIDAY_SPRING_FESTIVAL:
      g_date_set_dmy (day, lunar->spring_day, lunar->spring_month, year);
      break;

    case JH_HOLIDAY_LANTERN:
      g_date_set_dmy (day, lunar->spring_day, lunar->spring_month, year);
      g_date_add_days (day, 14);
      break;

    case JH_HOLIDAY_TWO_SESSIONS:
      g_date_set_dmy (day, 1, G_DATE_MARCH, year);
      period_days = 10;
      break;

    case JH_HOLIDAY_WOMENS_DAY:
      g_date_set_dmy (day, 8, G_DATE_MARCH, year);
      break;

    case JH_HOLIDAY_QINGMING:
      g_date_set_dmy (day, lunar->qingming_day, G_DATE_APRIL, year);
      break;

    case JH_HOLIDAY_LABOUR_DAY:
      g_date_set_dmy (day, 1, G_DATE_MAY, year);
      period_days = 5;
      break;

    case JH_HOLIDAY_YOUTH_DAY:
      g_date_set_dmy (day, 4, G_DATE_MAY, year);
      break;

    case JH_HOLIDAY_CHILDRENS_DAY:
      g_date_set_dmy (day, 1, G_DATE_JUNE, year);
      break;

    case JH_HOLIDAY_DRAGON_BOAT:
      g_date_set_dmy (day, lunar->dragon_boat_day, lunar->dragon_boat_month, year);
      break;

    case JH_HOLIDAY_PARTY_DAY:
      g_date_set_dmy (day, 1, G_DATE_JULY, year);
      break;

    case JH_HOLIDAY_ARMY_DAY:
      g_date_set_dmy (day, 1, G_DATE_AUGUST, year);
      break;

    case JH_HOLIDAY_MID_AUTUMN:
      g_date_set_dmy (day, lunar->mid_autumn_day, lunar->mid_autumn_month, year);
      break;

    case JH_HOLIDAY_NATIONAL_DAY:
      g_date_set_dmy (day, 1, G_DATE_OCTOBER, year);
      period_days = 7;
      break;

    case JH_HOLIDAY_DOUBLE_NINTH:
      g_date_set_dmy (day, lunar->double_ninth_day, lunar->double_ninth_month, year);
      break;

    default:
      g_assert_not_reached ();
    }

  *period_start = *day;
  *period_end = *day;

  if (holiday == JH_HOLIDAY_SPRING_FESTIVAL)
    {
      /* From 除夕 to 正月初六: the week people mean by 春节期间. */
      g_date_subtract_days (period_start, 1);
      g_date_add_days (period_end, 5);
    }
  else
    {
      g_date_add_days (period_end, period_days - 1);
    }

  return TRUE;
}
