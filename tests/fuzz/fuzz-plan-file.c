/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Any bytes given to the plan reader are refused with an error or give a
 * plan that saves, and a saved plan reads back to the same bytes.
 */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JhPlan) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  plan = jh_plan_load_from_bytes (bytes, "fuzz.jhplan", &error);
  if (plan == NULL)
    {
      g_assert (error != NULL && error->domain == JH_FILE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  saved = jh_plan_serialize (plan, &error);
  g_assert_no_error (error);

  again = jh_plan_load_from_bytes (saved, "saved.jhplan", &error);
  g_assert_no_error (error);
  saved_again = jh_plan_serialize (again, &error);
  g_assert_no_error (error);
  g_assert (g_bytes_equal (saved, saved_again));

  return 0;
}
