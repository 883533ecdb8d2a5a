/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Any text given to the time-expression parser and finder is read or
 * refused with a reason; whatever is read can be written back in the
 * plan's words and read again to the same dates.
 */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhTiming) timing = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  /* Plans are UTF-8 text; a timing field is short, a paragraph longer. */
  if (size > 4096 || !g_utf8_validate ((const char *) data, size, NULL))
    return 0;
  text = g_strndup ((const char *) data, size);
  if (strlen (text) != size)
    return 0;

  timing = jh_timing_parse (text, 2027, &error);
  if (timing == NULL)
    g_assert (error != NULL && error->domain == JH_TIMING_ERROR);
  else
    for (guint i = 0; i < jh_timing_get_n_ranges (timing); i++)
      {
        const JhTimeRange *range = jh_timing_get_range (timing, i);
        g_autofree char *written = jh_timing_format_range (range, 2027);
        g_autoptr(GError) reparse_error = NULL;
        g_autoptr(JhTiming) reread = jh_timing_parse (written, 2027, &reparse_error);

        GDate start, end, reread_start, reread_end;

        g_assert_no_error (reparse_error);
        g_assert (jh_timing_get_n_ranges (reread) == 1);

        /* The same days, though perhaps in plainer words: 1月至3月 is
         * written 第一季度.
         */
        jh_time_range_get_end (range, &end);
        jh_time_range_get_end (jh_timing_get_range (reread, 0), &reread_end);
        g_assert (g_date_compare (&end, &reread_end) == 0);
        g_assert (jh_time_range_get_start (range, &start) ==
                  jh_time_range_get_start (jh_timing_get_range (reread, 0), &reread_start));
        g_assert (!g_date_valid (&start) || g_date_compare (&start, &reread_start) == 0);
      }

  matches = jh_timing_find (text, 2027);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      JhTimingMatch *match = g_ptr_array_index (matches, i);

      g_assert (match->offset + match->length <= size);
      g_assert (match->timing != NULL);
    }

  return 0;
}
