/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "jh-timing.h"
#include "jh-holidays-private.h"

/*
 * The expected results are written as text so that a failure shows the
 * whole answer at once:
 *
 *   "2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun"
 *   "..2027-06-30 xun"                      a deadline
 *   "monthly 12: FIRST | LAST"              a recurrence, first and last
 *   "… (outside)"                           outside the plan year
 *
 * Holiday dates were checked against astronomical computation and the
 * Debian lunar tables (see jh-holidays.c).
 */

typedef struct
{
  const char *text;
  guint       year;      /* 0 for 2027 */
  const char *expected;
} ParseCase;

typedef struct
{
  const char    *text;
  guint          year;   /* 0 for 2027 */
  JhTimingError  code;
} RejectCase;

#define PLAN_YEAR 2027

static const ParseCase parse_cases[] = {
  /* The whole year */
  { "全年", 0, "2027-01-01..2027-12-31 year" },
  { "年内", 0, "2027-01-01..2027-12-31 year" },
  { "全年度", 0, "2027-01-01..2027-12-31 year" },
  { "本年度", 0, "2027-01-01..2027-12-31 year" },
  { "2027年", 0, "2027-01-01..2027-12-31 year" },
  { "2027年度", 0, "2027-01-01..2027-12-31 year" },
  { "二〇二七年", 0, "2027-01-01..2027-12-31 year" },
  { "2027年全年", 0, "2027-01-01..2027-12-31 year" },
  { "2027年内", 0, "2027-01-01..2027-12-31 year" },

  /* Halves */
  { "上半年", 0, "2027-01-01..2027-06-30 half" },
  { "下半年", 0, "2027-07-01..2027-12-31 half" },
  { "2027年上半年", 0, "2027-01-01..2027-06-30 half" },
  { "上、下半年", 0, "2027-01-01..2027-12-31 half" },
  { "上下半年", 0, "2027-01-01..2027-12-31 half" },

  /* Quarters */
  { "第一季度", 0, "2027-01-01..2027-03-31 quarter" },
  { "一季度", 0, "2027-01-01..2027-03-31 quarter" },
  { "1季度", 0, "2027-01-01..2027-03-31 quarter" },
  { "Q1", 0, "2027-01-01..2027-03-31 quarter" },
  { "q1", 0, "2027-01-01..2027-03-31 quarter" },
  { "Ｑ１", 0, "2027-01-01..2027-03-31 quarter" },
  { "第二季度", 0, "2027-04-01..2027-06-30 quarter" },
  { "二季度", 0, "2027-04-01..2027-06-30 quarter" },
  { "第三季度", 0, "2027-07-01..2027-09-30 quarter" },
  { "第三季", 0, "2027-07-01..2027-09-30 quarter" },
  { "第四季度", 0, "2027-10-01..2027-12-31 quarter" },
  { "三、四季度", 0, "2027-07-01..2027-12-31 quarter" },
  { "第三、四季度", 0, "2027-07-01..2027-12-31 quarter" },
  { "第一、二季度", 0, "2027-01-01..2027-06-30 quarter" },
  { "第一至三季度", 0, "2027-01-01..2027-09-30 quarter" },
  { "二至三季度", 0, "2027-04-01..2027-09-30 quarter" },
  { "第二季度至第三季度", 0, "2027-04-01..2027-09-30 quarter" },
  { "2027年第一季度", 0, "2027-01-01..2027-03-31 quarter" },
  { "一季度末", 0, "2027-03-01..2027-03-31 month" },
  { "四季度初", 0, "2027-10-01..2027-10-31 month" },

  /* Months */
  { "1月", 0, "2027-01-01..2027-01-31 month" },
  { "一月", 0, "2027-01-01..2027-01-31 month" },
  { "元月", 0, "2027-01-01..2027-01-31 month" },
  { "一月份", 0, "2027-01-01..2027-01-31 month" },
  { "1月份", 0, "2027-01-01..2027-01-31 month" },
  { "１月", 0, "2027-01-01..2027-01-31 month" },
  { "2月", 0, "2027-02-01..2027-02-28 month" },
  { "十一月份", 0, "2027-11-01..2027-11-30 month" },
  { "十二月", 0, "2027-12-01..2027-12-31 month" },
  { "2027年3月", 0, "2027-03-01..2027-03-31 month" },
  { "２０２７年３月", 0, "2027-03-01..2027-03-31 month" },
  { "二〇二七年五月", 0, "2027-05-01..2027-05-31 month" },
  { "一、二月份", 0, "2027-01-01..2027-02-28 month" },
  { "三、四月份", 0, "2027-03-01..2027-04-30 month" },
  { "5、6月", 0, "2027-05-01..2027-06-30 month" },
  { "5月份、11月份", 0, "2027-05-01..2027-05-31 month; 2027-11-01..2027-11-30 month" },
  { "6月和7月", 0, "2027-06-01..2027-07-31 month" },
  { "5-7月", 0, "2027-05-01..2027-07-31 month" },
  { "3月至8月", 0, "2027-03-01..2027-08-31 month" },
  { "3至8月", 0, "2027-03-01..2027-08-31 month" },
  { "3月到8月", 0, "2027-03-01..2027-08-31 month" },
  { "5月份至7月份", 0, "2027-05-01..2027-07-31 month" },
  { "3—5月", 0, "2027-03-01..2027-05-31 month" },
  { "3——5月", 0, "2027-03-01..2027-05-31 month" },
  { "3～5月", 0, "2027-03-01..2027-05-31 month" },
  { "3~5月", 0, "2027-03-01..2027-05-31 month" },
  { "3－5月", 0, "2027-03-01..2027-05-31 month" },
  { "1-10月", 0, "2027-01-01..2027-10-31 month" },
  { "2027年1-3月", 0, "2027-01-01..2027-03-31 month" },
  { "九月至十月", 0, "2027-09-01..2027-10-31 month" },

  /* 旬 */
  { "3月初", 0, "2027-03-01..2027-03-10 xun" },
  { "3月底", 0, "2027-03-21..2027-03-31 xun" },
  { "3月末", 0, "2027-03-21..2027-03-31 xun" },
  { "5月中", 0, "2027-05-11..2027-05-20 xun" },
  { "5月上旬", 0, "2027-05-01..2027-05-10 xun" },
  { "5月中旬", 0, "2027-05-11..2027-05-20 xun" },
  { "5月下旬", 0, "2027-05-21..2027-05-31 xun" },
  { "4月下旬", 0, "2027-04-21..2027-04-30 xun" },
  { "2月下旬", 0, "2027-02-21..2027-02-28 xun" },
  { "2月下旬", 2028, "2028-02-21..2028-02-29 xun" },
  { "2月底", 2028, "2028-02-21..2028-02-29 xun" },
  { "二月", 2028, "2028-02-01..2028-02-29 month" },
  { "4月中、下旬", 0, "2027-04-11..2027-04-30 xun" },
  { "4月中下旬", 0, "2027-04-11..2027-04-30 xun" },
  { "6月上中旬", 0, "2027-06-01..2027-06-20 xun" },
  { "6月上、中旬", 0, "2027-06-01..2027-06-20 xun" },
  { "6月上旬至中旬", 0, "2027-06-01..2027-06-20 xun" },
  { "3月中旬至4月上旬", 0, "2027-03-11..2027-04-10 xun" },
  { "6月中旬和11月下旬", 0, "2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun" },
  { "6月中旬及11月下旬", 0, "2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun" },
  { "6月中旬与11月下旬", 0, "2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun" },
  { "6月中旬以及11月下旬", 0, "2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun" },
  /* A bare number in a list takes all of its neighbour's suffix. */
  { "1、2月下旬", 0, "2027-01-21..2027-01-31 xun; 2027-02-21..2027-02-28 xun" },
  { "十月中旬", 0, "2027-10-11..2027-10-20 xun" },
  { "11月下旬至12月上旬", 0, "2027-11-21..2027-12-10 xun" },
  { "3月至4月中旬", 0, "2027-03-01..2027-04-20 xun" },
  /* In a range it only takes the unit. */
  { "3至4月中旬", 0, "2027-03-01..2027-04-20 xun" },

  /* Parts of the year */
  { "年初", 0, "2027-01-01..2027-01-31 month" },
  { "年中", 0, "2027-06-01..2027-07-31 month" },
  { "年底", 0, "2027-12-01..2027-12-31 month" },
  { "年末", 0, "2027-12-01..2027-12-31 month" },
  { "年终", 0, "2027-12-01..2027-12-31 month" },
  { "2027年底", 0, "2027-12-01..2027-12-31 month" },
  { "年初至6月", 0, "2027-01-01..2027-06-30 month" },
  { "第三季度至年底", 0, "2027-07-01..2027-12-31 month" },

  /* Days */
  { "5月20日", 0, "2027-05-20..2027-05-20 day" },
  { "5月20号", 0, "2027-05-20..2027-05-20 day" },
  { "五月二十日", 0, "2027-05-20..2027-05-20 day" },
  { "三月三十一日", 0, "2027-03-31..2027-03-31 day" },
  { "2027年5月20日", 0, "2027-05-20..2027-05-20 day" },
  { "2027.5.20", 0, "2027-05-20..2027-05-20 day" },
  { "5.20", 0, "2027-05-20..2027-05-20 day" },
  { "５．２０", 0, "2027-05-20..2027-05-20 day" },
  { "5 月 20 日", 0, "2027-05-20..2027-05-20 day" },
  { "5月20日至22日", 0, "2027-05-20..2027-05-22 day" },
  { "5月20-22日", 0, "2027-05-20..2027-05-22 day" },
  { "5月20日—22日", 0, "2027-05-20..2027-05-22 day" },
  { "5.20-5.22", 0, "2027-05-20..2027-05-22 day" },
  { "5月20日、21日", 0, "2027-05-20..2027-05-21 day" },
  { "5月20日至6月2日", 0, "2027-05-20..2027-06-02 day" },
  { "2月29日", 2028, "2028-02-29..2028-02-29 day" },
  { "12月31日", 0, "2027-12-31..2027-12-31 day" },

  /* Deadlines */
  { "10月底以前", 0, "..2027-10-31 xun" },
  { "6月底前", 0, "..2027-06-30 xun" },
  { "6月底之前", 0, "..2027-06-30 xun" },
  { "年底前", 0, "..2027-12-31 month" },
  { "2027年底前", 0, "..2027-12-31 month" },
  { "9月30日前", 0, "..2027-09-30 day" },
  { "6月前", 0, "..2027-06-30 month" },
  { "第二季度前", 0, "..2027-06-30 quarter" },
  { "一季度末前", 0, "..2027-03-31 month" },
  { "截至6月底", 0, "..2027-06-30 xun" },
  { "截止到9月30日", 0, "..2027-09-30 day" },
  { "6月底前和12月底前", 0, "..2027-06-30 xun; ..2027-12-31 xun" },

  /* Fixed holidays */
  { "元旦", 0, "2027-01-01..2027-01-01 day" },
  { "元旦节", 0, "2027-01-01..2027-01-01 day" },
  { "三八", 0, "2027-03-08..2027-03-08 day" },
  { "三八妇女节", 0, "2027-03-08..2027-03-08 day" },
  { "妇女节", 0, "2027-03-08..2027-03-08 day" },
  { "五一", 0, "2027-05-01..2027-05-01 day" },
  { "劳动节", 0, "2027-05-01..2027-05-01 day" },
  { "五一国际劳动节", 0, "2027-05-01..2027-05-01 day" },
  { "五四", 0, "2027-05-04..2027-05-04 day" },
  { "青年节", 0, "2027-05-04..2027-05-04 day" },
  { "六一", 0, "2027-06-01..2027-06-01 day" },
  { "儿童节", 0, "2027-06-01..2027-06-01 day" },
  { "七一", 0, "2027-07-01..2027-07-01 day" },
  { "建党节", 0, "2027-07-01..2027-07-01 day" },
  { "八一", 0, "2027-08-01..2027-08-01 day" },
  { "建军节", 0, "2027-08-01..2027-08-01 day" },
  { "国庆", 0, "2027-10-01..2027-10-01 day" },
  { "国庆节", 0, "2027-10-01..2027-10-01 day" },
  { "七一前后", 0, "2027-06-28..2027-07-04 day" },
  { "“七一”前后", 0, "2027-06-28..2027-07-04 day" },
  { "国庆前", 0, "..2027-09-30 day" },
  { "国庆节前", 0, "..2027-09-30 day" },
  { "国庆期间", 0, "2027-10-01..2027-10-07 day" },
  { "国庆前夕", 0, "2027-09-28..2027-09-30 day" },
  { "五一期间", 0, "2027-05-01..2027-05-05 day" },
  /* Before the coming New Year, not the one just gone. */
  { "元旦前", 0, "..2027-12-31 day" },
  { "元旦前后", 0, "2026-12-29..2027-01-04 day" },
  { "两会期间", 0, "2027-03-01..2027-03-10 xun" },
  { "两会", 0, "2027-03-01..2027-03-10 xun" },
  { "全国两会期间", 0, "2027-03-01..2027-03-10 xun" },
  { "两会前", 0, "..2027-02-28 day" },
  { "劳动节、青年节", 0, "2027-05-01..2027-05-01 day; 2027-05-04..2027-05-04 day" },

  /* Lunar holidays and 清明 */
  { "春节", 0, "2027-02-06..2027-02-06 day" },
  { "春节", 2026, "2026-02-17..2026-02-17 day" },
  { "春节", 2030, "2030-02-03..2030-02-03 day" },
  { "春节", 2020, "2020-01-25..2020-01-25 day" },
  { "春节", 2040, "2040-02-12..2040-02-12 day" },
  { "春节前", 0, "..2027-02-05 day" },
  { "春节期间", 0, "2027-02-05..2027-02-11 day" },
  { "除夕", 0, "2027-02-05..2027-02-05 day" },
  { "元宵", 0, "2027-02-20..2027-02-20 day" },
  { "元宵节", 2026, "2026-03-03..2026-03-03 day" },
  { "清明", 0, "2027-04-05..2027-04-05 day" },
  { "清明节", 2024, "2024-04-04..2024-04-04 day" },
  { "清明", 2026, "2026-04-05..2026-04-05 day" },
  { "端午", 0, "2027-06-09..2027-06-09 day" },
  { "端午节", 2025, "2025-05-31..2025-05-31 day" },
  { "中秋", 0, "2027-09-15..2027-09-15 day" },
  { "中秋节", 2023, "2023-09-29..2023-09-29 day" },
  { "中秋节", 2033, "2033-09-08..2033-09-08 day" },
  { "重阳", 0, "2027-10-08..2027-10-08 day" },
  { "重阳节", 2033, "2033-10-01..2033-10-01 day" },
  { "中秋、国庆期间", 0, "2027-09-15..2027-09-15 day; 2027-10-01..2027-10-07 day" },
  { "中秋、国庆期间", 2020, "2020-10-01..2020-10-07 day" },
  { "元旦、春节期间", 0, "2027-01-01..2027-01-01 day; 2027-02-05..2027-02-11 day" },
  { "元旦至春节", 0, "2027-01-01..2027-02-06 day" },

  /* Other years */
  { "2026年12月", 0, "2026-12-01..2026-12-31 month (outside)" },
  { "2028年3月", 0, "2028-03-01..2028-03-31 month (outside)" },
  { "2026年", 0, "2026-01-01..2026-12-31 year (outside)" },
  { "2026年12月至2027年1月", 0, "2026-12-01..2027-01-31 month (outside)" },
  { "2026年11月至12月", 0, "2026-11-01..2026-12-31 month (outside)" },
  { "2026年春节", 0, "2026-02-17..2026-02-17 day (outside)" },
  { "12月下旬至2028年1月上旬", 0, "2027-12-21..2028-01-10 xun (outside)" },

  /* Recurrences */
  { "每月", 0, "monthly 12: 2027-01-01..2027-01-31 month | 2027-12-01..2027-12-31 month" },
  { "每个月", 0, "monthly 12: 2027-01-01..2027-01-31 month | 2027-12-01..2027-12-31 month" },
  { "按月", 0, "monthly 12: 2027-01-01..2027-01-31 month | 2027-12-01..2027-12-31 month" },
  { "每月初", 0, "monthly 12: 2027-01-01..2027-01-10 xun | 2027-12-01..2027-12-10 xun" },
  { "每月上旬", 0, "monthly 12: 2027-01-01..2027-01-10 xun | 2027-12-01..2027-12-10 xun" },
  { "每月中旬", 0, "monthly 12: 2027-01-11..2027-01-20 xun | 2027-12-11..2027-12-20 xun" },
  { "每月底", 0, "monthly 12: 2027-01-21..2027-01-31 xun | 2027-12-21..2027-12-31 xun" },
  { "每月16日", 0, "monthly 12: 2027-01-16..2027-01-16 day | 2027-12-16..2027-12-16 day" },
  { "每月10日前", 0, "monthly 12: ..2027-01-10 day | ..2027-12-10 day" },
  { "每月底前", 0, "monthly 12: ..2027-01-31 xun | ..2027-12-31 xun" },
  { "每季度", 0, "quarterly 4: 2027-01-01..2027-03-31 quarter | 2027-10-01..2027-12-31 quarter" },
  { "每季", 0, "quarterly 4: 2027-01-01..2027-03-31 quarter | 2027-10-01..2027-12-31 quarter" },
  { "每个季度", 0, "quarterly 4: 2027-01-01..2027-03-31 quarter | 2027-10-01..2027-12-31 quarter" },
  { "按季度", 0, "quarterly 4: 2027-01-01..2027-03-31 quarter | 2027-10-01..2027-12-31 quarter" },
  { "每季度初", 0, "quarterly 4: 2027-01-01..2027-01-31 month | 2027-10-01..2027-10-31 month" },
  { "每季度末", 0, "quarterly 4: 2027-03-01..2027-03-31 month | 2027-12-01..2027-12-31 month" },
  { "每半年", 0, "half-yearly 2: 2027-01-01..2027-06-30 half | 2027-07-01..2027-12-31 half" },
  { "每两个月", 0, "bimonthly 6: 2027-01-01..2027-02-28 month | 2027-11-01..2027-12-31 month" },
  { "双月", 0, "bimonthly 6: 2027-01-01..2027-02-28 month | 2027-11-01..2027-12-31 month" },
  { "每双月", 0, "bimonthly 6: 2027-01-01..2027-02-28 month | 2027-11-01..2027-12-31 month" },
  { "隔月", 0, "bimonthly 6: 2027-01-01..2027-02-28 month | 2027-11-01..2027-12-31 month" },
  { "每周", 0, "weekly 53: 2027-01-01..2027-01-03 day | 2027-12-27..2027-12-31 day" },
  { "每星期", 0, "weekly 53: 2027-01-01..2027-01-03 day | 2027-12-27..2027-12-31 day" },
  { "每周", 2028, "weekly 53: 2028-01-01..2028-01-02 day | 2028-12-25..2028-12-31 day" },

  /* What people type into a field around the expression */
  { "  第三季度  ", 0, "2027-07-01..2027-09-30 quarter" },
  { "第三季度：", 0, "2027-07-01..2027-09-30 quarter" },
  { "6月底前。", 0, "..2027-06-30 xun" },
};

static const RejectCase reject_cases[] = {
  /* Found by fuzzing: four digits that are no year a plan speaks of. */
  { "0227年", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "3375.2.2", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "", 0, JH_TIMING_ERROR_EMPTY },
  { "   ", 0, JH_TIMING_ERROR_EMPTY },
  { "。", 0, JH_TIMING_ERROR_EMPTY },
  { "下周", 0, JH_TIMING_ERROR_VAGUE },
  { "近期", 0, JH_TIMING_ERROR_VAGUE },
  { "适时", 0, JH_TIMING_ERROR_VAGUE },
  { "明年", 0, JH_TIMING_ERROR_VAGUE },
  { "择机", 0, JH_TIMING_ERROR_VAGUE },
  { "本月", 0, JH_TIMING_ERROR_VAGUE },
  { "今年", 0, JH_TIMING_ERROR_VAGUE },
  { "去年", 0, JH_TIMING_ERROR_VAGUE },
  { "尽快", 0, JH_TIMING_ERROR_VAGUE },
  { "及时", 0, JH_TIMING_ERROR_VAGUE },
  { "随时", 0, JH_TIMING_ERROR_VAGUE },
  { "待定", 0, JH_TIMING_ERROR_VAGUE },
  { "腊月", 0, JH_TIMING_ERROR_LUNAR },
  { "冬月", 0, JH_TIMING_ERROR_LUNAR },
  { "正月十五", 0, JH_TIMING_ERROR_LUNAR },
  { "农历八月十五", 0, JH_TIMING_ERROR_LUNAR },
  { "13月", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "十三月", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "0月", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "2月30日", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "2月29日", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "4月31日", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "5月32日", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "5.32", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "13.1", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "第五季度", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "第0季度", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "Q5", 0, JH_TIMING_ERROR_INVALID_DATE },
  { "上旬", 0, JH_TIMING_ERROR_NO_MONTH },
  { "中旬", 0, JH_TIMING_ERROR_NO_MONTH },
  { "月底", 0, JH_TIMING_ERROR_NO_MONTH },
  { "20日", 0, JH_TIMING_ERROR_NO_MONTH },
  { "8月至3月", 0, JH_TIMING_ERROR_REVERSED },
  { "5月20日至5月10日", 0, JH_TIMING_ERROR_REVERSED },
  /* Not guessed to run into next year. */
  { "12月下旬至1月上旬", 0, JH_TIMING_ERROR_REVERSED },
  { "国庆后", 0, JH_TIMING_ERROR_UNSUPPORTED },
  { "5月起", 0, JH_TIMING_ERROR_UNSUPPORTED },
  { "每年", 0, JH_TIMING_ERROR_UNSUPPORTED },
  { "每天", 0, JH_TIMING_ERROR_UNSUPPORTED },
  { "每两周", 0, JH_TIMING_ERROR_UNSUPPORTED },
  { "春节", 2041, JH_TIMING_ERROR_UNSUPPORTED },
  { "中秋", 2019, JH_TIMING_ERROR_UNSUPPORTED },
  { "hello", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "6月前后", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "5/20", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "半年", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "季度", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "2027年前", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "5月中国", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "第1次", 0, JH_TIMING_ERROR_UNRECOGNIZED },
  { "5万元", 0, JH_TIMING_ERROR_UNRECOGNIZED },
};

static char *
dump_range (const JhTimeRange *range)
{
  char start[16] = "";
  char end[16] = "";

  if (!range->is_deadline)
    g_date_strftime (start, sizeof start, "%Y-%m-%d", &range->start);
  g_date_strftime (end, sizeof end, "%Y-%m-%d", &range->end);

  return g_strdup_printf ("%s..%s %s", start, end,
                          jh_time_granularity_to_nick (range->granularity));
}

static char *
dump_timing (JhTiming *timing)
{
  GString *s = g_string_new (NULL);
  guint n = jh_timing_get_n_ranges (timing);
  JhTimeRecurrence recurrence = jh_timing_get_recurrence (timing);

  if (recurrence != JH_TIME_RECURRENCE_NONE)
    {
      g_autofree char *first = dump_range (jh_timing_get_range (timing, 0));
      g_autofree char *last = dump_range (jh_timing_get_range (timing, n - 1));

      g_string_append_printf (s, "%s %u: %s | %s",
                              jh_time_recurrence_to_nick (recurrence), n, first, last);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *range = dump_range (jh_timing_get_range (timing, i));

          if (i > 0)
            g_string_append (s, "; ");
          g_string_append (s, range);
        }
    }

  if (jh_timing_get_outside_plan_year (timing))
    g_string_append (s, " (outside)");

  return g_string_free (s, FALSE);
}

static void
test_parse_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      guint year = c->year != 0 ? c->year : PLAN_YEAR;
      g_autoptr(GError) error = NULL;
      g_autoptr(JhTiming) timing = NULL;
      g_autofree char *dump = NULL;

      timing = jh_timing_parse (c->text, year, &error);
      if (timing == NULL)
        g_error ("“%s” (%u) should parse to %s but failed: %s",
                 c->text, year, c->expected, error->message);

      g_assert_cmpstr (jh_timing_get_text (timing), ==, c->text);
      g_assert_cmpuint (jh_timing_get_plan_year (timing), ==, year);

      dump = dump_timing (timing);
      if (g_strcmp0 (dump, c->expected) != 0)
        g_error ("“%s” (%u): expected %s, got %s", c->text, year, c->expected, dump);
    }
}

static void
test_reject_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reject_cases); i++)
    {
      const RejectCase *c = &reject_cases[i];
      guint year = c->year != 0 ? c->year : PLAN_YEAR;
      g_autoptr(GError) error = NULL;
      g_autoptr(JhTiming) timing = NULL;

      timing = jh_timing_parse (c->text, year, &error);
      if (timing != NULL)
        {
          g_autofree char *dump = dump_timing (timing);

          g_error ("“%s” (%u) should be rejected but gave %s", c->text, year, dump);
        }

      g_assert_error (error, JH_TIMING_ERROR, (int) c->code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_reject_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhTiming) timing = NULL;

  /* The message names the expression and the reason, never a guess. */
  timing = jh_timing_parse ("2月30日", 2027, &error);
  g_assert_null (timing);
  g_assert_nonnull (strstr (error->message, "2月30日"));
  g_assert_nonnull (strstr (error->message, "28"));
  g_clear_error (&error);

  timing = jh_timing_parse ("第五季度", 2027, &error);
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);

  timing = jh_timing_parse ("腊月", 2027, &error);
  g_assert_nonnull (strstr (error->message, "腊月"));
  g_clear_error (&error);

  timing = jh_timing_parse ("\xff\xfe", 2027, &error);
  g_assert_error (error, JH_TIMING_ERROR, JH_TIMING_ERROR_UNRECOGNIZED);
}

/* Everything that parses to plain ranges must survive format → parse. */
static void
test_format_round_trip (void)
{
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      guint year = c->year != 0 ? c->year : PLAN_YEAR;
      g_autoptr(JhTiming) timing = jh_timing_parse (c->text, year, NULL);

      g_assert_nonnull (timing);
      if (jh_timing_get_recurrence (timing) != JH_TIME_RECURRENCE_NONE)
        continue;

      for (guint k = 0; k < jh_timing_get_n_ranges (timing); k++)
        {
          const JhTimeRange *range = jh_timing_get_range (timing, k);
          g_autofree char *text = jh_timing_format_range (range, year);
          g_autoptr(GError) error = NULL;
          g_autoptr(JhTiming) again = jh_timing_parse (text, year, &error);
          const JhTimeRange *other;

          if (again == NULL)
            g_error ("“%s” formatted as “%s”, which does not parse: %s",
                     c->text, text, error->message);

          g_assert_cmpuint (jh_timing_get_n_ranges (again), ==, 1);
          other = jh_timing_get_range (again, 0);
          g_assert_cmpint (other->is_deadline, ==, range->is_deadline);
          g_assert_cmpint (g_date_compare (&other->end, &range->end), ==, 0);
          if (!range->is_deadline)
            g_assert_cmpint (g_date_compare (&other->start, &range->start), ==, 0);
          checked++;
        }

      /* The whole timing reads back to the same dates too. */
      {
        g_autofree char *text = jh_timing_format (timing);
        g_autoptr(JhTiming) again = jh_timing_parse (text, year, NULL);

        g_assert_nonnull (again);
        /* Granularity and the outside flag may change with the words. */
        g_assert_cmpuint (jh_timing_get_n_ranges (again), ==, jh_timing_get_n_ranges (timing));
        for (guint k = 0; k < jh_timing_get_n_ranges (timing); k++)
          g_assert_cmpint (g_date_compare (&jh_timing_get_range (again, k)->end,
                                           &jh_timing_get_range (timing, k)->end), ==, 0);
      }
    }

  g_assert_cmpuint (checked, >, 150);
}

typedef struct
{
  const char        *start;   /* NULL for a deadline */
  const char        *end;
  JhTimeGranularity  granularity;
  guint              plan_year;
  const char        *expected;
} FormatCase;

static const FormatCase format_cases[] = {
  { "2027-06-01", "2027-06-20", JH_TIME_GRANULARITY_XUN, 2027, "6月上旬至中旬" },
  { "2027-05-20", "2027-05-20", JH_TIME_GRANULARITY_DAY, 2027, "5月20日" },
  { "2027-07-01", "2027-09-30", JH_TIME_GRANULARITY_QUARTER, 2027, "第三季度" },
  { NULL, "2027-06-30", JH_TIME_GRANULARITY_XUN, 2027, "6月底前" },
  { "2027-01-01", "2027-12-31", JH_TIME_GRANULARITY_YEAR, 2027, "全年" },
  { "2027-01-01", "2027-06-30", JH_TIME_GRANULARITY_HALF, 2027, "上半年" },
  { "2027-03-11", "2027-04-10", JH_TIME_GRANULARITY_XUN, 2027, "3月中旬至4月上旬" },
  { "2027-05-20", "2027-05-22", JH_TIME_GRANULARITY_DAY, 2027, "5月20日至22日" },
  { "2027-05-20", "2027-06-02", JH_TIME_GRANULARITY_DAY, 2027, "5月20日至6月2日" },
  { "2027-05-01", "2027-07-31", JH_TIME_GRANULARITY_MONTH, 2027, "5月至7月" },
  { "2027-01-01", "2027-09-30", JH_TIME_GRANULARITY_QUARTER, 2027, "第一至三季度" },
  /* Words follow the dates: a whole month snapped to 旬 reads as the month. */
  { "2027-06-01", "2027-06-30", JH_TIME_GRANULARITY_XUN, 2027, "6月" },
  { NULL, "2027-12-31", JH_TIME_GRANULARITY_MONTH, 2027, "年底前" },
  { NULL, "2027-09-30", JH_TIME_GRANULARITY_DAY, 2027, "9月30日前" },
  { NULL, "2027-06-20", JH_TIME_GRANULARITY_XUN, 2027, "6月中旬前" },
  { NULL, "2028-12-31", JH_TIME_GRANULARITY_MONTH, 2027, "2028年底前" },
  { "2026-12-01", "2026-12-31", JH_TIME_GRANULARITY_MONTH, 2027, "2026年12月" },
  { "2026-12-29", "2027-01-04", JH_TIME_GRANULARITY_DAY, 2027, "2026年12月29日至2027年1月4日" },
  { "2027-12-21", "2028-01-10", JH_TIME_GRANULARITY_XUN, 2027, "12月下旬至2028年1月上旬" },
  { "2027-11-01", "2028-02-29", JH_TIME_GRANULARITY_MONTH, 2027, "11月至2028年2月" },
};

static void
parse_iso (const char *text,
           GDate      *date)
{
  guint y, m, d;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  g_assert_true (g_date_valid (date));
}

static void
test_format_range (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      JhTimeRange range;
      GDate start, end;
      g_autofree char *text = NULL;
      g_autoptr(JhTiming) again = NULL;

      parse_iso (c->end, &end);
      if (c->start != NULL)
        {
          parse_iso (c->start, &start);
          jh_time_range_init (&range, &start, &end, c->granularity);
        }
      else
        {
          jh_time_range_init_deadline (&range, &end, c->granularity);
        }

      text = jh_timing_format_range (&range, c->plan_year);
      g_assert_cmpstr (text, ==, c->expected);

      again = jh_timing_parse (text, c->plan_year, NULL);
      g_assert_nonnull (again);
      g_assert_cmpint (g_date_compare (&jh_timing_get_range (again, 0)->end, &end), ==, 0);
    }
}

static void
test_format_timing (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "每月", "每月" },
    { "每月初", "每月上旬" },
    { "每月16日", "每月16日" },
    { "每月10日前", "每月10日前" },
    { "每月底前", "每月底前" },
    { "每季度", "每季度" },
    { "每季度末", "每季度末" },
    { "双月", "每两个月" },
    { "每半年", "每半年" },
    { "每周", "每周" },
    { "6月中旬和11月下旬", "6月中旬和11月下旬" },
    { "劳动节、青年节、七一", "5月1日、5月4日和7月1日" },
    { "4月中、下旬", "4月中旬至下旬" },
    { "三、四季度", "下半年" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JhTiming) timing = jh_timing_parse (cases[i].text, 2027, NULL);
      g_autofree char *text = NULL;

      g_assert_nonnull (timing);
      text = jh_timing_format (timing);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* The timeline drags a bar to arbitrary days and snaps it to 旬. */
static void
test_snap (void)
{
  JhTimeRange range;
  GDate start, end;
  g_autofree char *xun = NULL;
  g_autofree char *month = NULL;
  g_autofree char *quarter = NULL;
  g_autoptr(JhTiming) timing = NULL;

  parse_iso ("2027-06-03", &start);
  parse_iso ("2027-06-17", &end);
  jh_time_range_init (&range, &start, &end, JH_TIME_GRANULARITY_DAY);
  jh_time_range_snap (&range, JH_TIME_GRANULARITY_XUN);
  g_assert_cmpint (range.granularity, ==, JH_TIME_GRANULARITY_XUN);
  xun = jh_timing_format_range (&range, 2027);
  g_assert_cmpstr (xun, ==, "6月上旬至中旬");

  timing = jh_timing_new_for_range (&range, 2027);
  g_assert_cmpstr (jh_timing_get_text (timing), ==, "6月上旬至中旬");
  g_assert_cmpuint (jh_timing_get_n_ranges (timing), ==, 1);
  g_assert_true (jh_time_range_equal (jh_timing_get_range (timing, 0), &range));
  g_assert_false (jh_timing_get_outside_plan_year (timing));

  jh_time_range_snap (&range, JH_TIME_GRANULARITY_MONTH);
  month = jh_timing_format_range (&range, 2027);
  g_assert_cmpstr (month, ==, "6月");

  parse_iso ("2027-02-15", &start);
  parse_iso ("2027-05-03", &end);
  jh_time_range_init (&range, &start, &end, JH_TIME_GRANULARITY_DAY);
  jh_time_range_snap (&range, JH_TIME_GRANULARITY_QUARTER);
  quarter = jh_timing_format_range (&range, 2027);
  g_assert_cmpstr (quarter, ==, "上半年");

  /* Snapping a deadline moves only its end. */
  parse_iso ("2027-06-14", &end);
  jh_time_range_init_deadline (&range, &end, JH_TIME_GRANULARITY_DAY);
  jh_time_range_snap (&range, JH_TIME_GRANULARITY_XUN);
  g_assert_true (range.is_deadline);
  g_assert_false (g_date_valid (&range.start));
  g_assert_cmpuint (g_date_get_day (&range.end), ==, 20);

  /* Leap years: 下旬 of February 2028 ends on the 29th. */
  parse_iso ("2028-02-22", &start);
  jh_time_range_init (&range, &start, &start, JH_TIME_GRANULARITY_DAY);
  jh_time_range_snap (&range, JH_TIME_GRANULARITY_XUN);
  g_assert_cmpuint (g_date_get_day (&range.end), ==, 29);
}

static void
test_accessors (void)
{
  g_autoptr(JhTiming) timing = NULL;
  g_autoptr(JhTiming) deadline = NULL;
  JhTiming *copy;
  GDate start, end, day;
  JhTimeGranularity granularity;
  JhTimeRecurrence recurrence;
  const JhTimeRange *range;

  timing = jh_timing_parse ("6月中旬和11月下旬", 2027, NULL);
  g_assert_nonnull (timing);

  g_assert_true (jh_timing_get_span (timing, &start, &end));
  g_assert_cmpuint (g_date_get_month (&start), ==, 6);
  g_assert_cmpuint (g_date_get_day (&start), ==, 11);
  g_assert_cmpuint (g_date_get_month (&end), ==, 11);
  g_assert_cmpuint (g_date_get_day (&end), ==, 30);

  range = jh_timing_get_range (timing, 1);
  g_assert_true (jh_time_range_get_start (range, &start));
  jh_time_range_get_end (range, &end);
  g_assert_cmpuint (g_date_get_day (&start), ==, 21);

  /* Nothing happens between the two ranges: July is free. */
  parse_iso ("2027-07-01", &start);
  parse_iso ("2027-07-31", &end);
  g_assert_false (jh_timing_overlaps (timing, &start, &end));
  parse_iso ("2027-10-01", &start);
  parse_iso ("2027-12-31", &end);
  g_assert_true (jh_timing_overlaps (timing, &start, &end));

  parse_iso ("2027-11-25", &day);
  g_assert_true (jh_time_range_contains (range, &day));
  parse_iso ("2027-11-20", &day);
  g_assert_false (jh_time_range_contains (range, &day));

  /* A deadline counts where it falls due. */
  deadline = jh_timing_parse ("6月底前", 2027, NULL);
  range = jh_timing_get_range (deadline, 0);
  g_assert_true (range->is_deadline);
  g_assert_false (jh_time_range_get_start (range, &start));
  g_assert_false (g_date_valid (&start));
  g_assert_false (jh_timing_get_span (deadline, &start, &end));
  g_assert_false (g_date_valid (&start));
  g_assert_cmpuint (g_date_get_day (&end), ==, 30);
  parse_iso ("2027-04-01", &start);
  parse_iso ("2027-06-30", &end);
  g_assert_true (jh_timing_overlaps (deadline, &start, &end));
  parse_iso ("2027-01-01", &start);
  parse_iso ("2027-03-31", &end);
  g_assert_false (jh_timing_overlaps (deadline, &start, &end));

  /* Boxed: copies share the one refcounted timing. */
  copy = g_boxed_copy (JH_TYPE_TIMING, timing);
  g_assert_true (copy == timing);
  g_boxed_free (JH_TYPE_TIMING, copy);
  g_assert_true (G_TYPE_IS_BOXED (JH_TYPE_TIMING));

  /* Nicks */
  for (JhTimeGranularity g = JH_TIME_GRANULARITY_YEAR; g <= JH_TIME_GRANULARITY_DAY; g++)
    {
      g_assert_true (jh_time_granularity_from_nick (jh_time_granularity_to_nick (g), &granularity));
      g_assert_cmpint (granularity, ==, g);
    }
  for (JhTimeRecurrence r = JH_TIME_RECURRENCE_NONE; r <= JH_TIME_RECURRENCE_HALF_YEARLY; r++)
    {
      g_assert_true (jh_time_recurrence_from_nick (jh_time_recurrence_to_nick (r), &recurrence));
      g_assert_cmpint (recurrence, ==, r);
    }
  g_assert_cmpstr (jh_time_recurrence_to_nick (JH_TIME_RECURRENCE_MONTHLY), ==, "monthly");
  g_assert_cmpstr (jh_time_recurrence_to_nick (JH_TIME_RECURRENCE_HALF_YEARLY), ==, "half-yearly");
  g_assert_false (jh_time_recurrence_from_nick ("daily", &recurrence));
  g_assert_false (jh_time_granularity_from_nick ("week", &granularity));
}

static void
test_monthly_day_clamped (void)
{
  g_autoptr(JhTiming) timing = jh_timing_parse ("每月30日", 2028, NULL);
  const JhTimeRange *february;

  g_assert_nonnull (timing);
  g_assert_cmpuint (jh_timing_get_n_ranges (timing), ==, 12);
  february = jh_timing_get_range (timing, 1);
  g_assert_cmpuint (g_date_get_month (&february->start), ==, 2);
  g_assert_cmpuint (g_date_get_day (&february->start), ==, 29);
  g_assert_cmpuint (g_date_get_day (&jh_timing_get_range (timing, 2)->start), ==, 30);
}

/* Catches typing errors in the table: each entry obeys the calendar. */
static void
test_holiday_table (void)
{
  guint first_year, last_year;

  _jh_holiday_get_table_years (&first_year, &last_year);
  g_assert_cmpuint (first_year, ==, 2020);
  g_assert_cmpuint (last_year, ==, 2040);

  for (guint year = first_year; year <= last_year; year++)
    {
      GDate spring, eve, lantern, qingming, dragon, autumn, ninth;
      GDate start, end, earliest, latest;

      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_SPRING_FESTIVAL, year, &spring, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_SPRING_EVE, year, &eve, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_LANTERN, year, &lantern, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_QINGMING, year, &qingming, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_DRAGON_BOAT, year, &dragon, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_MID_AUTUMN, year, &autumn, &start, &end));
      g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_DOUBLE_NINTH, year, &ninth, &start, &end));

      /* 春节 is the second new moon after the winter solstice. */
      g_date_clear (&earliest, 1);
      g_date_clear (&latest, 1);
      g_date_set_dmy (&earliest, 21, 1, year);
      g_date_set_dmy (&latest, 20, 2, year);
      g_assert_cmpint (g_date_compare (&spring, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&spring, &latest), <=, 0);

      g_assert_cmpint (g_date_days_between (&eve, &spring), ==, 1);
      g_assert_cmpint (g_date_days_between (&spring, &lantern), ==, 14);

      g_assert_cmpuint (g_date_get_month (&qingming), ==, 4);
      g_assert_cmpuint (g_date_get_day (&qingming), >=, 4);
      g_assert_cmpuint (g_date_get_day (&qingming), <=, 5);

      /* 端午 is four lunar months (plus a leap month) after 春节. */
      g_assert_cmpint (g_date_days_between (&spring, &dragon), >=, 4 * 29 + 4);
      g_assert_cmpint (g_date_days_between (&spring, &dragon), <=, 5 * 30 + 4);

      /* 中秋 falls between 7 September and 8 October. */
      g_date_set_dmy (&earliest, 7, 9, year);
      g_date_set_dmy (&latest, 8, 10, year);
      g_assert_cmpint (g_date_compare (&autumn, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&autumn, &latest), <=, 0);

      /* 八月十五 to 九月初九 is 23 or 24 days. */
      g_assert_cmpint (g_date_days_between (&autumn, &ninth), >=, 23);
      g_assert_cmpint (g_date_days_between (&autumn, &ninth), <=, 24);
    }

  /* Known almanac dates, including the two where a low-precision
   * astronomical computation (ICU's) lands on the wrong side of midnight. */
  {
    GDate day, start, end;

    g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_SPRING_FESTIVAL, 2027, &day, &start, &end));
    g_assert_cmpuint (g_date_get_month (&day), ==, 2);
    g_assert_cmpuint (g_date_get_day (&day), ==, 6);
    g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_SPRING_FESTIVAL, 2030, &day, &start, &end));
    g_assert_cmpuint (g_date_get_month (&day), ==, 2);
    g_assert_cmpuint (g_date_get_day (&day), ==, 3);
    g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_SPRING_FESTIVAL, 2026, &day, &start, &end));
    g_assert_cmpuint (g_date_get_day (&day), ==, 17);
    g_assert_false (_jh_holiday_get_dates (JH_HOLIDAY_MID_AUTUMN, 2041, &day, &start, &end));
    g_assert_true (_jh_holiday_get_dates (JH_HOLIDAY_NATIONAL_DAY, 2041, &day, &start, &end));
  }
}

/* ------------------------------------------------------------------ */
/* The finder                                                          */
/* ------------------------------------------------------------------ */

static void
assert_finds (const char         *text,
              guint               year,
              const char * const *expected)
{
  g_autoptr(GPtrArray) matches = jh_timing_find (text, year);
  guint n_expected = expected != NULL ? g_strv_length ((char **) expected) : 0;
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      JhTimingMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *dump = dump_timing (match->timing);
      g_autofree char *substring = g_strndup (text + match->offset, match->length);

      /* Bytes and characters must name the same text. */
      g_assert_cmpstr (substring, ==, jh_timing_get_text (match->timing));
      g_assert_cmpint (g_utf8_pointer_to_offset (text, text + match->offset), ==, match->char_offset);
      g_assert_cmpint (g_utf8_strlen (substring, -1), ==, match->char_length);
      g_assert_cmpuint (jh_timing_get_plan_year (match->timing), ==, year);

      g_string_append_printf (got, "%s => %s\n", substring, dump);
    }

  for (guint i = 0; i < MAX (n_expected, matches->len); i++)
    {
      JhTimingMatch *match = i < matches->len ? g_ptr_array_index (matches, i) : NULL;
      g_autofree char *dump = match != NULL ? dump_timing (match->timing) : NULL;
      g_autofree char *line = NULL;

      if (match != NULL)
        line = g_strdup_printf ("%s => %s", jh_timing_get_text (match->timing), dump);

      if (i >= n_expected || match == NULL || g_strcmp0 (line, expected[i]) != 0)
        g_error ("In “%s”: expected match %u to be %s, got:\n%s",
                 text, i, i < n_expected ? expected[i] : "nothing", got->str);
    }
}

static void
test_find_example (void)
{
  static const char text[] = "5月中旬，组织委员视察辖区重点项目；6月底前完成调研报告。";
  static const char * const expected[] = {
    "5月中旬 => 2027-05-11..2027-05-20 xun",
    "6月底前 => ..2027-06-30 xun",
    NULL
  };
  g_autoptr(GPtrArray) matches = jh_timing_find (text, 2027);
  JhTimingMatch *match;

  assert_finds (text, 2027, expected);

  match = g_ptr_array_index (matches, 1);
  g_assert_cmpuint (match->offset, ==, 52);
  g_assert_cmpuint (match->length, ==, 10);
  g_assert_cmpint (match->char_offset, ==, 18);
  g_assert_cmpint (match->char_length, ==, 4);
}

/*
 * The 时间安排 sections of the corpus, quoted.  Every timing phrase in them
 * is found with the right dates, except these deliberate rejections:
 *
 * - "20xx年", "20__年": placeholders, left to the placeholder check;
 * - "2014年度" ("传达2014年度公司工作会相关精神"), "2019年度工作安排": a bare
 *   year is a title or a reference, not a time, in running text;
 * - "学习全国、省、市两会会议精神": 两会 names the meetings, not their
 *   time (only "两会期间" and the like are times);
 * - "半年度工作情况汇报": the name of a report, no half is named;
 * - "30周年", "60周年": anniversaries;
 * - the "1、" of "1、2月下旬" opening an item is its number, not January.
 */

static void
test_find_corpus_street (void)
{
  /* 000_ea8348fc26a12208.txt, 视察调研 schedule */
  static const char text[] =
    "20xx年，街道联组将围绕服务街道经济、服务社会发展、服务重点项目建设等方面，"
    "开展视察调研和议事监督活动。5月中旬，组织委员参加街道企业家季谈会，为推动街道"
    "经济发展建言献策。7月中旬，组织委员视察华屏苑项目建设情况，助推项目顺利进展。"
    "8月中旬，组织委员汛期视察北浪路污水管建设、老旧小区雨污分流改造等项目，检验城区"
    "水系治理成效。10月中旬，组织委员视察辖区停车场建设、二环五四路口改造工程以及华屏"
    "支路项目建设情况，为跟踪落实项目进展助力。6月中旬和11月下旬，街道联组将分别组织"
    "召开街情通报会，让委员全面了解街道工作，为街道经济、社会事业发展建言献策。\n"
    "4月中旬，组织委员视察方声洞故居保护修缮进展情况及街道文化站达标后运营状况，请委员"
    "们提出可行性建议意见。9月中旬，组织委员视察街道、社区便民服务窗口作风建设情况。";
  static const char * const expected[] = {
    "5月中旬 => 2027-05-11..2027-05-20 xun",
    "7月中旬 => 2027-07-11..2027-07-20 xun",
    "8月中旬 => 2027-08-11..2027-08-20 xun",
    "10月中旬 => 2027-10-11..2027-10-20 xun",
    "6月中旬和11月下旬 => 2027-06-11..2027-06-20 xun; 2027-11-21..2027-11-30 xun",
    "4月中旬 => 2027-04-11..2027-04-20 xun",
    "9月中旬 => 2027-09-11..2027-09-20 xun",
    NULL
  };

  assert_finds (text, 2027, expected);
}

static void
test_find_corpus_quarters (void)
{
  /* 001_af46b2345eeacad3.txt, a Party branch plan by quarter */
  static const char text[] =
    "二、年度主要工作计划\n\n"
    "第一季度\n\n"
    "- 1、2月下旬，组织召开一次党员大会，选举支部委员，及无职党员，签订党员承诺；"
    "传达2014年度公司工作会相关精神，布置2014年度工作任务。\n"
    "- 2、2月底，召开支部会议讨论决定“2014年度优秀党员”评选方案。\n"
    "- 3、3月初召开支部党员大会，传达县公司职工代表大会精神。\n"
    "- 4、3月中旬，开展党风廉政建设教育活动。\n"
    "- 5、3月下旬，制定帮扶活动实施方案，以及组织党员义务植树活动。\n\n"
    "第二季度\n\n"
    "1、4月中、下旬，组织各党小组召开小组扩大会议，学习党章。\n\n"
    "2、5月初，联合团支部、工会组织开展开展以“追寻前辈足迹，感受中建发展”为主题的"
    "“庆祝xxx公司成立30周年□xxx局成立60周年”教育活动。\n\n"
    "3、5-7月，利用劳动节、青年节、“七一”等节日为契机，开展特色培训活动。\n\n"
    "4、6月，召开职工大会，听取群众意见、开展民意调查。\n\n"
    "第三季度\n\n"
    "1、7月初，组织开展以“超越党员、人人先锋”为主题的创先争优活动。\n\n"
    "2、8月，分发项目自学资料(法律法规方面)。\n\n"
    "3、9月，召开党小组会、党支部委员会、党支部大会各一次。\n\n"
    "第四季度\n\n"
    "1、10月，联合工会、团支部组织一次集体婚礼，例如象棋交流赛、读书月等。\n\n"
    "2、10月中旬，组织一次中层领导干部观摩或者专家培训会。\n\n"
    "3、11月，组织项目中层以上领导干部开展述职述廉活动，进行年终绩效考评。\n\n"
    "4、12月，召开党小组会、党支部委员会、党支部大会各一次。\n\n"
    "1、加强党支部资料档案管理；每月初做好党支部工作手册的填报记录工作。\n\n"
    "2、全年发展入党积极分子1-2名。\n\n"
    "3、5月份、11月份分别收取上下半年党费，按规定适时开展诫勉、岗前、警示谈话。\n";
  static const char * const expected[] = {
    "第一季度 => 2027-01-01..2027-03-31 quarter",
    "2月下旬 => 2027-02-21..2027-02-28 xun",
    "2月底 => 2027-02-21..2027-02-28 xun",
    "3月初 => 2027-03-01..2027-03-10 xun",
    "3月中旬 => 2027-03-11..2027-03-20 xun",
    "3月下旬 => 2027-03-21..2027-03-31 xun",
    "第二季度 => 2027-04-01..2027-06-30 quarter",
    "4月中、下旬 => 2027-04-11..2027-04-30 xun",
    "5月初 => 2027-05-01..2027-05-10 xun",
    "5-7月 => 2027-05-01..2027-07-31 month",
    "劳动节、青年节、“七一” => 2027-05-01..2027-05-01 day; 2027-05-04..2027-05-04 day; "
    "2027-07-01..2027-07-01 day",
    "6月 => 2027-06-01..2027-06-30 month",
    "第三季度 => 2027-07-01..2027-09-30 quarter",
    "7月初 => 2027-07-01..2027-07-10 xun",
    "8月 => 2027-08-01..2027-08-31 month",
    "9月 => 2027-09-01..2027-09-30 month",
    "第四季度 => 2027-10-01..2027-12-31 quarter",
    "10月 => 2027-10-01..2027-10-31 month",
    "10月中旬 => 2027-10-11..2027-10-20 xun",
    "11月 => 2027-11-01..2027-11-30 month",
    "年终 => 2027-12-01..2027-12-31 month",
    "12月 => 2027-12-01..2027-12-31 month",
    "每月初 => monthly 12: 2027-01-01..2027-01-10 xun | 2027-12-01..2027-12-10 xun",
    "全年 => 2027-01-01..2027-12-31 year",
    "5月份、11月份 => 2027-05-01..2027-05-31 month; 2027-11-01..2027-11-30 month",
    "上下半年 => 2027-01-01..2027-12-31 half",
    NULL
  };

  assert_finds (text, 2027, expected);
}

static void
test_find_corpus_months (void)
{
  /* 001_af46b2345eeacad3.txt, "2019年度工作安排如下", by month */
  static const char text[] =
    "2019年度工作安排如下：\n\n"
    "(一)一、二月份：\n\n"
    "1、组织委员参加镇各界人士迎春茶话会。\n\n"
    "2、对照区政协年度百分考核任务，落实政协工委有关工作和\n\n"
    "各委员全年任务。\n\n"
    "(二)三、四月份：\n\n"
    "1、组织委员参加区政协三届一次全会\n\n"
    "(三)、五月份：\n\n"
    "1、学习全国、省、市两会会议精神。\n\n"
    "2、组织调研(镇物业股份及村股份合作社)\n\n"
    "(四)、六月份：\n\n"
    "1、民主监督镇市容市政大队\n\n"
    "(五)、七月份：\n\n"
    "1、听取并学习镇半年度工作情况汇报。\n";
  static const char * const expected[] = {
    "一、二月份 => 2019-01-01..2019-02-28 month",
    "全年 => 2019-01-01..2019-12-31 year",
    "三、四月份 => 2019-03-01..2019-04-30 month",
    "五月份 => 2019-05-01..2019-05-31 month",
    "六月份 => 2019-06-01..2019-06-30 month",
    "七月份 => 2019-07-01..2019-07-31 month",
    NULL
  };

  assert_finds (text, 2019, expected);
}

static void
test_find_corpus_consultation (void)
{
  /* 003_4ad841865d36761d.txt, 协商形式、议题、内容及时间安排, and a summary */
  static const char schedule[] =
    "三、协商形式、议题、内容及时间安排\n\n"
    "20__年以政协全委会、专题议政性常委会、双月协商座谈会、专题协商、界别协商、调研、"
    "视察等形式开展重点协商活动18项。";
  static const char * const schedule_expected[] = {
    "双月 => bimonthly 6: 2027-01-01..2027-02-28 month | 2027-11-01..2027-12-31 month",
    NULL
  };
  static const char summary[] =
    "县政协党组于20xx年3月至8月有计划、按步骤、分阶段地开展了深入学习实践活动。"
    "县政协十四届三次会议立案的134件提案，在20xx年10月底以前已全部答复完毕，"
    "答复率达100%，问题已解决或正在解决的占89.6%。"
    "在坚持每月16日集中学习制度的同时，坚持一月一堂课制度。";
  static const char * const summary_expected[] = {
    "3月至8月 => 2027-03-01..2027-08-31 month",
    "10月底以前 => ..2027-10-31 xun",
    "每月16日 => monthly 12: 2027-01-16..2027-01-16 day | 2027-12-16..2027-12-16 day",
    NULL
  };

  assert_finds (schedule, 2027, schedule_expected);
  assert_finds (summary, 2027, summary_expected);
}

static void
test_find_not_times (void)
{
  static const char * const texts[] = {
    "每位委员提交2份提案",
    "第1次会议",
    "宣传报道20篇以上",
    "镇政府将安排5万元专项工作经费",
    "2027年工作计划",
    "传达2014年度公司工作会相关精神",
    "坚持一月一堂课制度",
    "二环五四路口改造工程",
    "学习全国两会精神",
    "弘扬“五四”精神",
    "政治清明、政府清廉",
    "三八红旗手",
    "八一中学",
    "1.2 总体要求",
    "增长3.5%，投资3.5亿元",
    "5.20前完成",
    "十九大、十四五、三个代表",
    "在一年中，初步完成",
    "国庆后上班",
    "5月起实施",
    "GB/T 9704-2012",
    "每次活动，每个委员",
    "庆祝建党30周年",
    "月底前完成",
    "中旬召开",
    "腊月二十三",
    "明年下半年",
    "去年3月已完成",
    "2月30日召开",
    NULL
  };

  for (guint i = 0; texts[i] != NULL; i++)
    assert_finds (texts[i], 2027, NULL);
}

static void
test_find_markers (void)
{
  static const char * const festival[] = {
    "五四青年节 => 2027-05-04..2027-05-04 day",
    NULL
  };
  static const char * const quoted[] = {
    "“两会”期间 => 2027-03-01..2027-03-10 xun",
    "七一 => 2027-07-01..2027-07-01 day",
    NULL
  };
  static const char * const words[] = {
    "6月 => 2027-06-01..2027-06-30 month",
    "5月 => 2027-05-01..2027-05-31 month",
    "Q3 => 2027-07-01..2027-09-30 quarter",
    "2027.5.20 => 2027-05-20..2027-05-20 day",
    NULL
  };
  static const char * const lists[] = {
    "1、2月份 => 2027-01-01..2027-02-28 month",
    "3月下旬 => 2027-03-21..2027-03-31 xun",
    NULL
  };
  static const char * const recurring[] = {
    "每周 => weekly 53: 2027-01-01..2027-01-03 day | 2027-12-27..2027-12-31 day",
    "每季度 => quarterly 4: 2027-01-01..2027-03-31 quarter | 2027-10-01..2027-12-31 quarter",
    "每月 => monthly 12: 2027-01-01..2027-01-31 month | 2027-12-01..2027-12-31 month",
    NULL
  };

  assert_finds ("开展五四青年节主题活动", 2027, festival);
  assert_finds ("“两会”期间做好服务，迎“七一”，", 2027, quoted);
  /* 前往 is not a deadline, 起草 not a start, 中国 not 月中. */
  assert_finds ("6月前往北京，5月中国代表团来访，Q3起草报告，2027.5.20召开", 2027, words);
  /* After a colon "1、2月份" is a list; after 。 "2、" numbers an item. */
  assert_finds ("时间：1、2月份。2、3月下旬完成", 2027, lists);
  assert_finds ("每周例会，每季度通报，每月一次", 2027, recurring);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/timing/parse", test_parse_table);
  g_test_add_func ("/jihua/timing/reject", test_reject_table);
  g_test_add_func ("/jihua/timing/reject-messages", test_reject_messages);
  g_test_add_func ("/jihua/timing/format-round-trip", test_format_round_trip);
  g_test_add_func ("/jihua/timing/format-range", test_format_range);
  g_test_add_func ("/jihua/timing/format-timing", test_format_timing);
  g_test_add_func ("/jihua/timing/snap", test_snap);
  g_test_add_func ("/jihua/timing/accessors", test_accessors);
  g_test_add_func ("/jihua/timing/monthly-day-clamped", test_monthly_day_clamped);
  g_test_add_func ("/jihua/timing/holiday-table", test_holiday_table);
  g_test_add_func ("/jihua/timing/find/example", test_find_example);
  g_test_add_func ("/jihua/timing/find/corpus-street", test_find_corpus_street);
  g_test_add_func ("/jihua/timing/find/corpus-quarters", test_find_corpus_quarters);
  g_test_add_func ("/jihua/timing/find/corpus-months", test_find_corpus_months);
  g_test_add_func ("/jihua/timing/find/corpus-consultation", test_find_corpus_consultation);
  g_test_add_func ("/jihua/timing/find/not-times", test_find_not_times);
  g_test_add_func ("/jihua/timing/find/markers", test_find_markers);

  return g_test_run ();
}
