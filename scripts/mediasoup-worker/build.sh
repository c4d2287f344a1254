#!/usr/bin/env bash
# Builds mediasoup's C++ worker from Debian's system libraries, with no access to
# GitHub, PyPI or wrapdb: only the npm registry (for mediasoup's own source
# tarball) and Debian's apt are used. Called by scripts/setup.mjs; prints the
# path of the binary as its last line.
#
# Why: mediasoup's postinstall downloads a prebuilt worker or builds one from
# meson subprojects whose .wrap files download tarballs. Meson uses an existing
# subprojects/<directory> folder instead of downloading, so this script puts
# small "shim" subprojects there that wrap the Debian packages.
#
# Two one-line patches to mediasoup's sources are applied, each checked:
#   * worker/meson.build: meson_version '>= 1.1.0' -> '>= 1.0.0' (Debian
#     bookworm has meson 1.0.1, which builds it fine);
#   * worker/src/RTC/DtlsTransport.cpp: the BIO callback returned 1 for every
#     post-operation call; with a KTLS-enabled OpenSSL (Debian's) OpenSSL then
#     believes kernel TLS is on, skips allocating its DTLS write buffer and the
#     worker SIGSEGVs in SSL_read() on the first DTLS ClientHello.
# libsrtp: mediasoup >= 3.16 calls the libsrtp 3 API; Debian has libsrtp2. The
# shim's <srtp.h> adds C++ overloads with the v3 signatures (same wire format).
#
# Environment (all optional):
#   MEDIASOUP_VERSION   must equal the installed npm package's version
#   SAMPLAN_CACHE_DIR   default ${XDG_CACHE_HOME:-$HOME/.cache}/samplan
#   FORCE=1             rebuild even if the cached binary is current
#   SKIP_APT=1          never call apt-get (packages must already be there)
#
# `build.sh --path` only prints where the binary is (or would be) cached.
set -euo pipefail

MEDIASOUP_VERSION="${MEDIASOUP_VERSION:-3.19.3}"
CACHE_DIR="${SAMPLAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/samplan}"
RECIPE_HASH="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)"
WORK_DIR="$CACHE_DIR/mediasoup-build"
# Keyed by version and recipe: a changed recipe or version builds anew, and
# `npm ci` (which wipes node_modules) never forces a rebuild.
OUT_DIR="$CACHE_DIR/mediasoup-worker/$MEDIASOUP_VERSION-$RECIPE_HASH"

SRC_DIR="$WORK_DIR/mediasoup-$MEDIASOUP_VERSION"
WORKER_DIR="$SRC_DIR/worker"
BUILD_DIR="$WORK_DIR/build-$MEDIASOUP_VERSION"
BIN="$OUT_DIR/mediasoup-worker"

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --------------------------------------------------------------------------
# 1. Debian packages
# --------------------------------------------------------------------------
APT_PKGS=(g++ make pkg-config python3 meson ninja-build
	libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev
	libflatbuffers-dev flatbuffers-compiler nlohmann-json3-dev)

install_apt_packages() {
	local missing=() p
	for p in "${APT_PKGS[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "${SKIP_APT:-0}" = 1 ] && die "missing Debian packages: ${missing[*]}"
	log "apt-get install ${missing[*]}"
	local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --------------------------------------------------------------------------
# 2. mediasoup sources (the npm tarball ships worker/ complete)
# --------------------------------------------------------------------------
fetch_sources() {
	mkdir -p "$WORK_DIR"
	local tgz="$WORK_DIR/mediasoup-$MEDIASOUP_VERSION.tgz"
	if [ ! -s "$tgz" ]; then
		log "npm pack mediasoup@$MEDIASOUP_VERSION"
		(cd "$WORK_DIR" && npm pack --silent "mediasoup@$MEDIASOUP_VERSION" >/dev/null)
	fi
	[ -s "$tgz" ] || die "npm pack did not produce $tgz"
	rm -rf "$SRC_DIR" "$SRC_DIR.tmp"
	mkdir -p "$SRC_DIR.tmp"
	tar -xzf "$tgz" -C "$SRC_DIR.tmp"
	mv "$SRC_DIR.tmp/package" "$SRC_DIR"
	rmdir "$SRC_DIR.tmp"
	[ -f "$WORKER_DIR/subprojects/unordered-dense.wrap" ] &&
		die "mediasoup $MEDIASOUP_VERSION needs unordered_dense (not in Debian bookworm); use <= 3.19.22"
	return 0
}

# --------------------------------------------------------------------------
# 3. Patches (each checked)
# --------------------------------------------------------------------------
apply_patches() {
	local mb="$WORKER_DIR/meson.build" req have
	req="$(sed -n "s/.*meson_version: *'>= *\([0-9.]*\)'.*/\1/p" "$mb" | head -n1)"
	have="$(meson --version)"
	if [ -n "$req" ] && dpkg --compare-versions "$have" lt "$req"; then
		log "patch: meson_version >= $req -> >= 1.0.0 (have meson $have)"
		sed -i "s/meson_version: *'>= *$req'/meson_version: '>= 1.0.0'/" "$mb"
		grep -q "meson_version: '>= 1.0.0'" "$mb" || die "meson_version patch failed"
	fi

	local dt="$WORKER_DIR/src/RTC/DtlsTransport.cpp"
	if grep -q 'BIO_set_callback_ex' "$dt"; then
		log "patch: DtlsTransport.cpp BIO callback return value (KTLS-enabled OpenSSL)"
		sed -i 's/(operationType == BIO_CB_RETURN)/((operationType \& BIO_CB_RETURN) != 0)/' "$dt"
		grep -q '((operationType & BIO_CB_RETURN) != 0)' "$dt" || die "DtlsTransport patch failed"
	fi
}

# --------------------------------------------------------------------------
# 4. Shim subprojects wrapping Debian packages
# --------------------------------------------------------------------------
SRTP_COMPAT_H='/*
 * mediasoup-offline shim: Debian libsrtp 2.x (<srtp2/srtp.h>) exposed as <srtp.h>,
 * plus C++ overloads with the API variants mediasoup expects from its forks:
 *  - cisco libsrtp 2.x:           srtp_protect(ctx, void*, int*)               (native)
 *  - versatica libsrtp 3.0-alpha: srtp_protect(ctx, void*, size_t*)             (mediasoup 3.13-3.15)
 *  - versatica libsrtp 3.0.0-beta: srtp_protect(ctx, in, in_len, out, &out_len, mki_index),
 *                                 srtp_unprotect(ctx, in, in_len, out, &out_len),
 *                                 srtp_stream_remove(), srtp_err_status_buffer_small/cryptex_err
 * Same RFC 3711/7714 wire format; only the C API differs. MKI is not supported
 * (mediasoup always passes mki_index 0).
 */
#ifndef MS_OFFLINE_SRTP_COMPAT_H
#define MS_OFFLINE_SRTP_COMPAT_H

#include <srtp2/srtp.h>

#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err  = static_cast<srtp_err_status_t>(29);

inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#define MS_SRTP_SIZE_T_INPLACE(NAME)                                 \
	inline srtp_err_status_t NAME(srtp_t ctx, void* hdr, size_t* len)  \
	{                                                                  \
		if (*len > static_cast<size_t>(INT_MAX))                         \
			return srtp_err_status_bad_param;                              \
		int ilen = static_cast<int>(*len);                               \
		const srtp_err_status_t err = ::NAME(ctx, hdr, &ilen);           \
		if (err == srtp_err_status_ok)                                   \
			*len = static_cast<size_t>(ilen);                              \
		return err;                                                      \
	}
MS_SRTP_SIZE_T_INPLACE(srtp_protect)
MS_SRTP_SIZE_T_INPLACE(srtp_unprotect)
MS_SRTP_SIZE_T_INPLACE(srtp_protect_rtcp)
MS_SRTP_SIZE_T_INPLACE(srtp_unprotect_rtcp)
#undef MS_SRTP_SIZE_T_INPLACE

#define MS_SRTP_V3_PROTECT(NAME)                                                               \
	inline srtp_err_status_t NAME(                                                               \
	  srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen, size_t mki)      \
	{                                                                                            \
		if (mki != 0)                                                                              \
			return srtp_err_status_bad_mki;                                                          \
		if (inLen > static_cast<size_t>(INT_MAX) - SRTP_MAX_TRAILER_LEN)                           \
			return srtp_err_status_bad_param;                                                        \
		if (*outLen < inLen + SRTP_MAX_TRAILER_LEN)                                                \
			return srtp_err_status_buffer_small;                                                     \
		if (out != in)                                                                             \
			std::memmove(out, in, inLen);                                                            \
		int ilen = static_cast<int>(inLen);                                                        \
		const srtp_err_status_t err = ::NAME(ctx, out, &ilen);                                     \
		if (err == srtp_err_status_ok)                                                             \
			*outLen = static_cast<size_t>(ilen);                                                     \
		return err;                                                                                \
	}
#define MS_SRTP_V3_UNPROTECT(NAME)                                                             \
	inline srtp_err_status_t NAME(                                                               \
	  srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen)                 \
	{                                                                                            \
		if (inLen > static_cast<size_t>(INT_MAX))                                                  \
			return srtp_err_status_bad_param;                                                        \
		if (*outLen < inLen)                                                                       \
			return srtp_err_status_buffer_small;                                                     \
		if (out != in)                                                                             \
			std::memmove(out, in, inLen);                                                            \
		int ilen = static_cast<int>(inLen);                                                        \
		const srtp_err_status_t err = ::NAME(ctx, out, &ilen);                                     \
		if (err == srtp_err_status_ok)                                                             \
			*outLen = static_cast<size_t>(ilen);                                                     \
		return err;                                                                                \
	}
MS_SRTP_V3_PROTECT(srtp_protect)
MS_SRTP_V3_PROTECT(srtp_protect_rtcp)
MS_SRTP_V3_UNPROTECT(srtp_unprotect)
MS_SRTP_V3_UNPROTECT(srtp_unprotect_rtcp)
#undef MS_SRTP_V3_PROTECT
#undef MS_SRTP_V3_UNPROTECT

#endif /* __cplusplus */
#endif /* MS_OFFLINE_SRTP_COMPAT_H */
'

# Options mediasoup passes to its subprojects via default_options; declared so
# that meson accepts them (values are ignored by the shims).
SHIM_OPTIONS="option('build_tests', type: 'string', value: 'false')
option('build_benchmarks', type: 'string', value: 'false')
option('crypto-library', type: 'string', value: 'openssl')
option('crypto-library-kdf', type: 'string', value: 'disabled')
option('tests', type: 'string', value: 'disabled')
option('sctp_build_programs', type: 'string', value: 'false')
"

# $1 = wrap name, $2 = meson.build body. Writes subprojects/<directory from the .wrap>/.
write_shim() {
	local name="$1" body="$2" wrap dir
	wrap="$WORKER_DIR/subprojects/$name.wrap"
	dir="$(sed -n 's/^directory *= *//p' "$wrap" | tr -d '[:space:]')"
	[ -n "$dir" ] || dir="$name"
	dir="$WORKER_DIR/subprojects/$dir"
	rm -rf "$dir"
	mkdir -p "$dir"
	printf '%s\n' "$body" > "$dir/meson.build"
	printf '%s' "$SHIM_OPTIONS" > "$dir/meson_options.txt"
	printf '%s\n' '/* Placeholder: the *_lib variables must be static libraries; never built by default. */' \
		'int ms_offline_shim_dummy(void);' 'int ms_offline_shim_dummy(void) { return 0; }' > "$dir/dummy.c"
	printf '%s\n' "$dir"
}

dummy_lib() { # $1 = variable name
	printf "%s = static_library('ms_shim_%s', 'dummy.c', build_by_default: false)" "$1" "$1"
}

write_shims() {
	log "writing shim subprojects (Debian packages) into worker/subprojects/"
	local wrap name d
	for wrap in "$WORKER_DIR"/subprojects/*.wrap; do
		name="$(basename "$wrap" .wrap)"
		case "$name" in
		openssl)
			write_shim "$name" "project('openssl', 'c')
openssl_dep = dependency('openssl')
libcrypto_dep = dependency('libcrypto')
libssl_dep = dependency('libssl')
$(dummy_lib libcrypto_lib)
$(dummy_lib libssl_lib)" >/dev/null ;;
		libuv)
			write_shim "$name" "project('libuv', 'c')
libuv_dep = dependency('libuv')
$(dummy_lib libuv)" >/dev/null ;;
		libsrtp2 | libsrtp3)
			d="$(write_shim "$name" "project('$name', 'c')
# Debian's libsrtp2 (pkg-config adds no -I, so <srtp.h> resolves to include/srtp.h below).
${name}_dep = declare_dependency(include_directories: include_directories('include'),
  dependencies: dependency('libsrtp2'))
$(dummy_lib "$name")")"
			mkdir -p "$d/include"
			printf '%s' "$SRTP_COMPAT_H" > "$d/include/srtp.h" ;;
		usrsctp)
			write_shim "$name" "project('usrsctp', 'c')
usrsctp_dep = dependency('usrsctp')
$(dummy_lib usrsctp)" >/dev/null ;;
		abseil-cpp)
			write_shim "$name" "project('abseil-cpp', 'c', 'cpp')
absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'),
  dependency('absl_node_hash_map'), dependency('absl_btree'),
  dependency('absl_inlined_vector'), dependency('absl_memory')])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = declare_dependency(dependencies: [
  dependency('absl_optional'), dependency('absl_variant'), dependency('absl_span')])
absl_base_dep = dependency('absl_base')
$(dummy_lib absl_container_lib)" >/dev/null ;;
		flatbuffers)
			# flatc itself is found by find_program('flatc') -> Debian's /usr/bin/flatc.
			write_shim "$name" "project('flatbuffers', 'c', 'cpp')
flatbuffers_dep = dependency('flatbuffers')
$(dummy_lib flatbuffers_lib)" >/dev/null ;;
		nlohmann_json)
			write_shim "$name" "project('nlohmann_json', 'cpp')
nlohmann_json_dep = dependency('nlohmann_json')" >/dev/null ;;
		catch2)
			# Only needed by the (not built) worker unit tests.
			write_shim "$name" "project('catch2', 'c')
catch2_dep = declare_dependency()
catch2_with_main_dep = catch2_dep" >/dev/null ;;
		liburing) ;; # built with -Dms_disable_liburing=true
		wingetopt) ;; # Windows only
		*) echo "WARNING: no shim for subproject '$name' (build fails if meson.build uses it)" >&2 ;;
		esac
	done
}

# --------------------------------------------------------------------------
# 5. Configure + build
# --------------------------------------------------------------------------
build_worker() {
	local args=(--wrap-mode=nodownload --buildtype=release -Db_ndebug=true)
	if grep -q "ms_disable_liburing" "$WORKER_DIR/meson_options.txt" 2>/dev/null; then
		args+=(-Dms_disable_liburing=true)
	fi
	rm -rf "$BUILD_DIR"
	log "meson setup ${args[*]}"
	(cd "$WORKER_DIR" && meson setup "${args[@]}" "$BUILD_DIR") > "$WORK_DIR/meson-setup-$MEDIASOUP_VERSION.log" 2>&1 \
		|| { tail -n 40 "$WORK_DIR/meson-setup-$MEDIASOUP_VERSION.log" >&2; die "meson setup failed"; }
	# mediasoup's tasks.py also builds the generated FlatBuffers headers first
	# (the worker sources do not declare a dependency on that custom target).
	if grep -q "flatbuffers-generator" "$WORKER_DIR/fbs/meson.build" 2>/dev/null; then
		log "flatc (Debian $(flatc --version 2>/dev/null)) -> FBS headers"
		meson compile -C "$BUILD_DIR" flatbuffers-generator >/dev/null
	fi
	log "ninja mediasoup-worker (-j$(nproc)); log: $WORK_DIR/ninja-$MEDIASOUP_VERSION.log"
	local t0=$SECONDS
	ninja -C "$BUILD_DIR" -j"$(nproc)" mediasoup-worker > "$WORK_DIR/ninja-$MEDIASOUP_VERSION.log" 2>&1 \
		|| { grep -m 20 -B2 -A6 'error' "$WORK_DIR/ninja-$MEDIASOUP_VERSION.log" >&2; die "build failed"; }
	log "compiled in $((SECONDS - t0)) s"
	mkdir -p "$OUT_DIR"
	install -m 0755 "$BUILD_DIR/mediasoup-worker" "$BIN.tmp"
	mv -f "$BIN.tmp" "$BIN"
}

main() {
	if [ "${1:-}" = --path ]; then
		printf '%s\n' "$BIN"
		return 0
	fi
	command -v npm >/dev/null || die "npm not found"
	if [ "${FORCE:-0}" != 1 ] && [ -x "$BIN" ]; then
		printf '%s\n' "$BIN"
		return 0
	fi
	install_apt_packages
	fetch_sources
	apply_patches
	write_shims
	build_worker
	rm -rf "$SRC_DIR" "$BUILD_DIR"
	log "worker binary: $BIN ($(stat -c %s "$BIN") bytes)"
	printf '%s\n' "$BIN"
}

main "$@"
