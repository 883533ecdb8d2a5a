/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Any bytes given as an export profile (.jhprofile, a key file an
 * office shares) are refused with a JH_PAGE_PROFILE_ERROR, or give a
 * consistent profile that is written out and reads back the same.
 */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(JhPageProfile) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  gsize length, length_again;

  profile = jh_page_profile_new_from_data ((const char *) data, size, "fuzz.jhprofile", &error);
  if (profile == NULL)
    {
      g_assert (error != NULL && error->domain == JH_PAGE_PROFILE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (jh_page_profile_check (profile, NULL));

  written = jh_page_profile_to_data (profile, &length);
  again = jh_page_profile_new_from_data (written, length, "written.jhprofile", &error);
  g_assert_no_error (error);
  written_again = jh_page_profile_to_data (again, &length_again);
  g_assert_cmpstr (written, ==, written_again);

  return 0;
}
