/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * JhHoliday:
 *
 * The holidays and recurring national events that plans schedule
 * around.  Only the time parser uses them, so they stay private.
 */
typedef enum
{
  JH_HOLIDAY_NEW_YEAR,          /* 元旦 */
  JH_HOLIDAY_SPRING_EVE,        /* 除夕 */
  JH_HOLIDAY_SPRING_FESTIVAL,   /* 春节 */
  JH_HOLIDAY_LANTERN,           /* 元宵 */
  JH_HOLIDAY_TWO_SESSIONS,      /* 两会 */
  JH_HOLIDAY_WOMENS_DAY,        /* 三八 */
  JH_HOLIDAY_QINGMING,          /* 清明 */
  JH_HOLIDAY_LABOUR_DAY,        /* 五一 */
  JH_HOLIDAY_YOUTH_DAY,         /* 五四 */
  JH_HOLIDAY_CHILDRENS_DAY,     /* 六一 */
  JH_HOLIDAY_DRAGON_BOAT,       /* 端午 */
  JH_HOLIDAY_PARTY_DAY,         /* 七一 */
  JH_HOLIDAY_ARMY_DAY,          /* 八一 */
  JH_HOLIDAY_MID_AUTUMN,        /* 中秋 */
  JH_HOLIDAY_NATIONAL_DAY,      /* 国庆 */
  JH_HOLIDAY_DOUBLE_NINTH,      /* 重阳 */
} JhHoliday;

/**
 * JhHolidayName:
 * @name: the name as plans write it, in UTF-8
 * @holiday: what it names
 * @ambiguous: %TRUE when the name is also an ordinary word or number in
 *   running text (五四 in 五四路, 清明 in 政治清明), so the finder only
 *   trusts it with a marker such as 节, 前后 or quotes
 */
typedef struct
{
  const char *name;
  JhHoliday   holiday;
  gboolean    ambiguous;
} JhHolidayName;

const JhHolidayName *_jh_holiday_get_names         (guint      *n_names);
const char          *_jh_holiday_get_display_name  (JhHoliday   holiday);
gboolean             _jh_holiday_is_lunar          (JhHoliday   holiday);
void                 _jh_holiday_get_table_years   (guint      *first_year,
                                                    guint      *last_year);
gboolean             _jh_holiday_get_dates         (JhHoliday   holiday,
                                                    guint       year,
                                                    GDate      *day,
                                                    GDate      *period_start,
                                                    GDate      *period_end);

G_END_DECLS
