import { GraphQLError } from 'graphql';

/** Users read Vietnamese; the code is what clients branch on. No detail about other tenants. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } },
  });
}

export function forbidden(): GraphQLError {
  return new GraphQLError('Bạn không có quyền thực hiện thao tác này trên đơn vị được yêu cầu.', {
    extensions: { code: 'FORBIDDEN', http: { status: 200 } },
  });
}
