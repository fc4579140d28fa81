import type { ErrorCode } from '../error-codes.js';
import type { MessageParams } from '../errors.js';
import type { Language } from './language.js';

type Template = (params: MessageParams) => string;

/** `Dữ liệu.xlsx, trang tính "Dữ liệu"`: a file and, for a workbook, its sheet. */
const where = (p: MessageParams) => (p.sheet ? `${p.file}, trang tính "${p.sheet}"` : `${p.file}`);
const vi = (n: string | number | undefined) => (typeof n === 'number' ? n.toLocaleString('vi-VN') : `${n}`);

/**
 * Problem details in Vietnamese, worded from an error's code and parameters. English details are the messages the
 * code throws (they name files, rows and fields already); a code without a Vietnamese template here, or thrown
 * without the parameters its template needs, keeps its English detail.
 */
export const VIETNAMESE: Partial<Record<ErrorCode, Template>> = {
  'request.invalid': () => 'Yêu cầu không hợp lệ: kiểm tra các trường được nêu',
  'request.malformed_json': () => 'Nội dung JSON bị lỗi hoặc không đầy đủ',
  'request.malformed_multipart': () => 'Tệp tải lên bị lỗi hoặc không đầy đủ (multipart)',
  'request.body_too_large': () => 'Nội dung gửi lên quá lớn',
  'request.unsupported_media_type': () => 'Kiểu nội dung này không được hỗ trợ',
  'request.headers_too_large': () => 'Phần đầu (header) của yêu cầu quá lớn',
  'request.rate_limited': () => 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút',
  'request.busy': (p) => `Máy chủ đang bận xử lý ${p.work}; vui lòng thử lại sau ${p.seconds} giây`,
  'request.cancelled': () => 'Yêu cầu đã bị hủy vì kết nối bị ngắt; không có gì được ghi',
  'route.not_found': () => 'Không có địa chỉ này trong API',
  internal: () => 'Đã có lỗi phía máy chủ; vui lòng báo kèm mã yêu cầu',
  'service.database': () => 'Cơ sở dữ liệu không phản hồi',
  'service.migrations': () => 'Cơ sở dữ liệu chưa được cập nhật cho phiên bản này: chạy dx-compact migrate',
  'auth.required': () => 'Vui lòng đăng nhập để thực hiện thao tác này',
  'auth.forbidden': () => 'Tài khoản của bạn không có quyền thực hiện thao tác này',
  'auth.unit_scope': (p) => `Bạn không được thao tác với đơn vị ${p.units}: ngoài phạm vi được phân công`,
  'auth.party_scope': (p) => `Bạn không báo cáo chỉ tiêu ${p.indicators}: chỉ tiêu do bên khác báo cáo`,
  'auth.csrf': () => 'Thiếu mã chống giả mạo (CSRF); hãy tải lại trang và thử lại',
  'auth.cross_site': () => 'Yêu cầu từ trang web khác không được phép thay đổi dữ liệu',
  'auth.credentials': () => 'Sai tên đăng nhập hoặc mật khẩu',
  'auth.locked': (p) => `Tài khoản tạm khóa sau ${p.failures} lần đăng nhập sai; thử lại sau ${p.minutes} phút`,
  'auth.address_blocked': (p) => `Quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau ${p.minutes} phút`,
  'auth.second_factor_required': () => 'Nhập mã từ ứng dụng xác thực để hoàn tất đăng nhập',
  'auth.second_factor_invalid': () => 'Mã xác thực sai hoặc đã hết hạn',
  'auth.second_factor_replayed': () => 'Mã này đã được dùng; hãy đợi mã tiếp theo',
  'auth.enrolment_required': () => 'Hãy thiết lập xác thực hai lớp để hoàn tất đăng nhập',
  'auth.password_change_required': () => 'Hãy đặt mật khẩu mới trước khi thay đổi dữ liệu',
  'auth.password_policy': () => 'Mật khẩu chưa đạt yêu cầu: ít nhất 12 ký tự, không chứa tên đăng nhập, không dễ đoán',
  'auth.password_wrong': () => 'Mật khẩu hiện tại không đúng',
  'auth.token_invalid': () => 'Mã truy cập API không hợp lệ',
  'auth.token_expired': () => 'Mã truy cập API đã hết hạn',
  'auth.token_revoked': () => 'Mã truy cập API đã bị thu hồi',
  'auth.sso_failed': () => 'Đăng nhập một lần không thành công; hãy thử lại',
  'auth.sso_unknown_account': () => 'Chưa có tài khoản DX Compact cho người dùng này; liên hệ quản trị viên',
  'period.invalid': (p) =>
    `Kỳ báo cáo không hợp lệ: dùng dạng 2025, 2025Q3 hoặc 2025-09, trong các năm ${p.first}–${p.last}`,
  'org_unit.not_found': (p) => `Không có đơn vị hành chính mã ${p.codes}`,
  'indicator.not_found': (p) => `Không có chỉ tiêu mã "${p.code}"`,
  'area.not_found': (p) => `Không có lĩnh vực hợp tác mã "${p.code}"`,
  'agreement.not_found': (p) =>
    p.unit ? `Không có thỏa thuận nào bao gồm đơn vị "${p.unit}"` : `Không có thỏa thuận mã "${p.code}"`,
  'account.not_found': (p) => `Không có tài khoản "${p.username}"`,
  'account.last_admin': () => 'Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng',
  'token.not_found': (p) => `Không có mã truy cập API số ${p.id}`,
  'rule.not_found': (p) => `Không có quy tắc kiểm tra mã "${p.code}"`,
  'coverage_run.not_found': (p) => `Không có lần tính vùng phủ sóng mã "${p.id}"`,
  'auth.sso_not_configured': () => 'Đăng nhập một lần (SSO) chưa được cấu hình trên máy chủ này',
  'import.multipart': () => 'Hãy gửi tệp dưới dạng multipart/form-data trong trường "file"',
  'import.no_file': () => 'Chưa có tệp nào được gửi: thêm trường "file"',
  'import.rows': (p) => `Tệp ${p.file} có ${vi(p.count)} lỗi; chưa nhập gì. Lỗi đầu tiên: ${p.first}`,
  'boundaries.period': () => 'Hãy chọn kỳ báo cáo cùng với chỉ tiêu',
  'coverage.no_file': () => 'Chưa có tệp nào được gửi',
  'intake.empty': (p) => `Tệp ${p.file} trống`,
  'value.locked': () => 'Số liệu thuộc kỳ đã được phê duyệt; cần mở lại kỳ trước khi sửa',
  'value.overlap': () =>
    'Số liệu chồng lên số liệu đã lưu của loại kỳ khác (ví dụ quý và các tháng của quý); gửi một loại kỳ, hoặc yêu cầu thay thế',
  'version.stale': (p) =>
    `Số liệu đã được ${p.by || 'người khác'} thay đổi sau khi bạn mở; hãy tải lại và làm lại thao tác`,
  'approval.same_person': (p) => `${p.unit} ${p.period}: người nhập hoặc gửi số liệu không được tự phê duyệt`,
  'intake.too_large': (p) =>
    p.parts !== undefined
      ? `Tệp ${p.file} gồm ${vi(p.parts)} phần nén: một sổ Excel được đọc khi có tối đa ${vi(p.limit)} phần`
      : `Tệp ${p.file} quá lớn (${p.size}); hệ thống đọc tối đa ${p.limit}: hãy chia thành nhiều tệp`,
  'intake.too_many_rows': (p) =>
    `${where(p)} có hơn ${vi(p.limit)} dòng số liệu (dòng ${vi(p.row)} vượt giới hạn): hãy chia thành nhiều tệp`,
  'intake.too_many_columns': (p) =>
    `${where(p)}, dòng ${vi(p.row)} có giá trị ở cột ${p.column}: hệ thống đọc tối đa ${vi(p.limit)} cột; hãy bỏ các cột thừa hoặc chia tệp`,
  'intake.cell_too_long': (p) =>
    `${where(p)}, dòng ${vi(p.row)}, cột ${p.column} có ${vi(p.chars)} ký tự: mỗi ô tối đa ${vi(p.limit)} ký tự`,
  'intake.file_type': (p) =>
    `Tệp ${p.file} không phải tệp Excel (.xlsx) hay CSV đúng như tên tệp: hãy lưu lại dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8" rồi tải lên lại`,
  'intake.xlsx': (p) => `Không mở được tệp ${p.file} dưới dạng sổ Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng`,
  // data checks: finding explanations
  'finding.not_explained': (p) => `Phát hiện ${p.rule} của ${p.unit}, kỳ ${p.period} chưa được giải trình`,
};

/** The detail of a problem in the language asked for; English (the thrown message) when there is no template. */
export function localiseDetail(
  code: ErrorCode,
  params: MessageParams | undefined,
  language: Language,
  englishDetail: string,
): string {
  if (language === 'en') return englishDetail;
  const template = VIETNAMESE[code];
  if (!template) return englishDetail;
  const text = template(params ?? {});
  return text.includes('undefined') ? englishDetail : text;
}
